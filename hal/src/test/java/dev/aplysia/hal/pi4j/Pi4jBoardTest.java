package dev.aplysia.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.provider.Provider;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.time.SystemClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pi4jBoardTest {

    @Test
    void anUnknownNameIsAnInvalidChannelListingTheKnownOnes() throws Exception {
        try (MockPi4j pi = new MockPi4j()) {
            HalException e = assertThrows(HalException.class, () -> pi.board.analogInput("sonar2"));
            assertEquals(ErrorKind.INVALID_CHANNEL, e.kind());
            assertEquals("no analog input named 'sonar2'; known analog inputs: [sonar0, sonar1]", e.getMessage());
        }
    }

    @Test
    void timeComesFromTheJvmMonotonicClock() throws Exception {
        try (MockPi4j pi = new MockPi4j()) {
            assertSame(SystemClock.INSTANCE, pi.board.clock());
            assertSame(SystemClock.INSTANCE, pi.board.pacer());
        }
    }

    @Test
    void closingShutsTheContextDown() throws Exception {
        MockPi4j pi = new MockPi4j();
        pi.close();
        assertTrue(pi.context.isShutdown());
    }

    @Test
    void closingDrivesEveryOutputToItsSafeValue() throws Exception {
        MockPi4j pi = new MockPi4j(TestBoards.CONFIG.replace("pin=27", "pin=27 safe=1").replace("maxduty=1000",
                "maxduty=1000 safe=250"));
        var led = pi.mock("led", com.pi4j.io.gpio.digital.DigitalOutput.class);
        var motor = pi.mock("motor", com.pi4j.plugin.mock.provider.pwm.MockPwm.class);
        pi.board.digitalOutput("led").setLow();
        pi.board.pwmOutput("motor").setDuty(900);

        pi.close();

        assertTrue(led.isHigh());
        assertEquals(25f, motor.getDutyCycle());
    }

    @Test
    void productionProvidersAreExactlyGpiodAndLinuxfs() throws Exception {
        List<Provider<?, ?, ?>> providers = Pi4jBoard.productionProviders(TestBoards.config());
        assertEquals(4, providers.size());
        assertInstanceOf(GpioDDigitalInputProvider.class, providers.get(0));
        assertInstanceOf(GpioDDigitalOutputProvider.class, providers.get(1));
        assertInstanceOf(LinuxFsPwmProvider.class, providers.get(2));
        assertInstanceOf(LinuxFsSpiProvider.class, providers.get(3));
        assertEquals(List.of(IOType.DIGITAL_INPUT, IOType.DIGITAL_OUTPUT, IOType.PWM, IOType.SPI),
                providers.stream().map(Provider::getType).toList());
    }

    @Test
    void pwmOutputsOnDifferentChipsAreRejected() throws Exception {
        BoardConfig config = BoardConfig.parse("two-chips.conf", """
                pwm left  pin=12 chip=0 channel=0
                pwm right pin=13 chip=2 channel=1
                """);
        HalException e = assertThrows(HalException.class, () -> Pi4jBoard.productionProviders(config));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().startsWith("two-chips.conf:2: PWM chip 2 differs from chip 0 of 'left' (line 1)"),
                e.getMessage());
    }

    @Test
    void addressesSharedAcrossKindsAreRejectedAndTheContextIsShutDown() throws Exception {
        BoardConfig config = BoardConfig.parse("shared.conf", """
                pwm motor pin=18 channel=0
                adc adc0  type=mcp3008 spi=0 cs=0
                """);
        Context context = MockPi4j.context();
        HalException e = assertThrows(HalException.class, () -> Pi4jBoard.on(context, config, new MemoryStorage()));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(context.isShutdown());
        assertTrue(e.getMessage().startsWith("shared.conf:2: SPI chip select 0 of 'adc0' and PWM channel 0 of 'motor'"
                + " (line 1) share address 0"), e.getMessage());
    }

    @Test
    void aChannelThatCannotBeOpenedIsAnIoErrorNamingItsLineAndTheContextIsShutDown() {
        Context withoutSpi = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance())
                .build();
        HalException e = assertThrows(HalException.class,
                () -> Pi4jBoard.on(withoutSpi, TestBoards.config(), new MemoryStorage()));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().startsWith("bench.conf:5: cannot open SPI 0.0 for adc 'adc0'"), e.getMessage());
        assertTrue(withoutSpi.isShutdown());
    }
}
