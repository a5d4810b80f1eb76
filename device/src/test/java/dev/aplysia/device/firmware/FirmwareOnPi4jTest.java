package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.pi4j.Pi4jBoard;
import dev.aplysia.hal.storage.MemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same firmware on the Pi4J board, over Pi4J's mock plugin: what runs on a Raspberry Pi, minus the pins. */
class FirmwareOnPi4jTest {

    private final Context context = Pi4J.newContextBuilder()
            .add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                    MockPwmProvider.newInstance(), MockSpiProvider.newInstance())
            .build();

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    /** Queues the MCP3008's replies for one sample: channels 0..7 read in order. */
    private void sonars(int... counts) {
        MockSpi spi = (MockSpi) context.getIO("adc0");
        spi.readEntireMockBuffer();
        for (int count : counts) {
            spi.write(new byte[] {0, (byte) (count >> 8), (byte) count}, 0, 3);
        }
    }

    private void press(String button, boolean pressed) {
        ((MockDigitalInput) context.getIO(button)).mockState(DigitalState.getState(pressed));
    }

    private static int percent(MockPwm pwm) {
        return pwm.isOn() ? Math.round(pwm.getDutyCycle()) : 0;
    }

    @Test
    void theRobotLearnsFromItsButtonsAndDrivesItsMotorsOnPi4j() throws Exception {
        try (Pi4jBoard board = Pi4jBoard.on(context, RobotBench.board(), new MemoryStorage())) {
            Firmware firmware = new Firmware(RobotBench.config(McuProfile.PI_NATIVE), board, FirmwareEvents.NONE);
            FirmwareRunner runner = new FirmwareRunner(firmware);
            int[] wallRight = {900, 900, 120, 100, 900, 900, 900, 900};
            press(RobotWiring.teacher(3), true);
            for (int sample = 0; sample < 3; sample++) {
                sonars(wallRight);
                runner.run(RobotWiring.TICKS_PER_SAMPLE);
            }
            press(RobotWiring.teacher(3), false);
            sonars(wallRight);
            runner.run(RobotWiring.TICKS_PER_SAMPLE);

            assertEquals(3, firmware.counters().learned());
            assertEquals(0, firmware.counters().halErrors());
            assertEquals(50, percent((MockPwm) context.getIO("motor-left")), "slight left: left motor at 50%");
            assertEquals(80, percent((MockPwm) context.getIO("motor-right")));
            assertTrue(((MockDigitalOutput) context.getIO("led-slight-left")).state().isHigh());
        }
    }
}
