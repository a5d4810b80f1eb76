package dev.aplysia.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig.AdcType;
import dev.aplysia.hal.BoardConfig.Pull;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardConfigTest {

    @Test
    void parsesEveryKindWithItsOptions() {
        BoardConfig config = TestBoards.config();
        assertEquals(new BoardConfig.DigitalInputSpec("button", 2, 17, Pull.UP, 5_000_000L),
                config.digitalInputs().get(0));
        assertEquals(new BoardConfig.DigitalOutputSpec("led", 3, 27, false, false), config.digitalOutputs().get(0));
        assertEquals(new BoardConfig.PwmSpec("motor", 4, 18, 0, 2, 1000, 1000, 0), config.pwmOutputs().get(0));
        BoardConfig.AdcSpec adc = new BoardConfig.AdcSpec("adc0", 5, AdcType.MCP3008, 0, 0, 1_000_000);
        assertEquals(adc, config.adcs().get(0));
        assertEquals(new BoardConfig.AnalogInputSpec("sonar1", 7, adc, 5), config.analogInputs().get(1));
        assertEquals(1023, config.analogInputs().get(0).maxValue());
    }

    @Test
    void optionsHaveDefaults() throws Exception {
        BoardConfig config = BoardConfig.parse("min.conf", """
                digital-in  button pin=4
                digital-out led    pin=5
                pwm         motor  pin=12 channel=0
                adc         adc0   type=mcp3008
                analog      light  adc=adc0 channel=7
                """);
        assertEquals(Pull.OFF, config.digitalInputs().get(0).pull());
        assertEquals(0, config.digitalInputs().get(0).debounceNanos());
        assertFalse(config.digitalOutputs().get(0).initialHigh());
        assertEquals(new BoardConfig.PwmSpec("motor", 3, 12, 0, 0, 1000, 1000, 0), config.pwmOutputs().get(0));
        assertEquals(new BoardConfig.AdcSpec("adc0", 4, AdcType.MCP3008, 0, 0, 1_000_000), config.adcs().get(0));
    }

    @Test
    void eachOutputMayNameTheSafeValueItIsDrivenToOnHaltAndShutdown() throws Exception {
        BoardConfig config = BoardConfig.parse("safe.conf", """
                digital-out brake pin=5 initial=1 safe=1
                pwm         servo pin=12 channel=0 maxduty=200 safe=150
                """);
        assertTrue(config.digitalOutputs().get(0).safeHigh());
        assertEquals(150, config.pwmOutputs().get(0).safeDuty());
    }

    @Test
    void rejectsASafeDutyAboveMaxDuty() {
        assertRejected("pwm motor pin=12 channel=0 safe=1200", "board.conf:1:",
                "safe 1200 is above maxduty 1000; a safe duty is 0..1000 counts");
    }

    @Test
    void rejectsASafeLevelOtherThanZeroOrOne() {
        assertRejected("digital-out led pin=5 safe=2", "board.conf:1:", "safe 2 is outside 0..1");
    }

    @Test
    void anAnalogInputMayComeBeforeItsAdc() throws Exception {
        BoardConfig config = BoardConfig.parse("order.conf", """
                analog light adc=adc0 channel=1
                adc    adc0  type=mcp3008
                """);
        assertEquals("adc0", config.analogInputs().get(0).adc().name());
    }

    @Test
    void rejectsAnUnknownKind() {
        assertRejected("servo arm pin=4", "board.conf:1:", "unknown kind 'servo'");
    }

    @Test
    void rejectsAnUnknownOption() {
        assertRejected("digital-in button pin=4 pul=up", "board.conf:1:", "unknown option 'pul' for digital-in");
    }

    @Test
    void rejectsAnAnalogInputNamingNoDeclaredAdc() {
        assertRejected("""
                adc    adc0   type=mcp3008
                analog sonar0 adc=adc9 channel=0
                """, "board.conf:2:", "analog 'sonar0' names adc 'adc9', which is not declared");
    }

    @Test
    void rejectsAPinUsedTwice() {
        assertRejected("""
                digital-in  button pin=17
                digital-out led    pin=17
                """, "board.conf:2:", "BCM pin 17 is already used by 'button' (line 1)");
    }

    @Test
    void rejectsAPinOutside0To27() {
        assertRejected("digital-out led pin=28", "board.conf:1:", "pin 28 is outside 0..27");
    }

    @Test
    void rejectsAnAdcChannelOutside0To7() {
        assertRejected("""
                adc    adc0   type=mcp3008
                analog sonar0 adc=adc0 channel=8
                """, "board.conf:2:", "channel 8 is outside 0..7 of adc 'adc0'");
    }

    @Test
    void rejectsADuplicateName() {
        assertRejected("""
                digital-in  button pin=4
                digital-out button pin=5
                """, "board.conf:2:", "duplicate name 'button', first declared on line 1");
    }

    @Test
    void rejectsAMissingRequiredOption() {
        assertRejected("pwm motor pin=18", "board.conf:1:", "pwm 'motor' needs channel=...");
    }

    @Test
    void rejectsAValueThatIsNotAnInteger() {
        assertRejected("digital-in button pin=seventeen", "board.conf:1:", "pin 'seventeen' is not an integer");
    }

    @Test
    void rejectsARepeatedOption() {
        assertRejected("digital-in button pin=4 pin=5", "board.conf:1:", "option 'pin' given twice");
    }

    @Test
    void rejectsAReservedName() {
        assertRejected("digital-in clock pin=4", "board.conf:1:", "name 'clock' is reserved");
    }

    @Test
    void rejectsAPinTheSpiBusUses() {
        assertRejected("""
                adc        adc0  type=mcp3008 spi=0 cs=0
                digital-in miso  pin=9
                """, "board.conf:2:", "BCM pin 9 is already used by SPI bus 0 (line 1)");
    }

    @Test
    void twoAdcsShareTheirBusButNotAChipSelect() throws Exception {
        BoardConfig config = BoardConfig.parse("board.conf", """
                adc adc0 type=mcp3008 spi=0 cs=0
                adc adc1 type=mcp3008 spi=0 cs=1
                """);
        assertEquals(2, config.adcs().size());
        assertRejected("""
                adc adc0 type=mcp3008 spi=0 cs=1
                adc adc1 type=mcp3008 spi=0 cs=1
                """, "board.conf:2:", "BCM pin 7 is already used by 'adc0'");
    }

    @Test
    void rejectsAPwmChannelUsedTwice() {
        assertRejected("""
                pwm left  pin=12 channel=0
                pwm right pin=13 channel=0
                """, "board.conf:2:", "PWM chip 0 channel 0 is already used by 'left' (line 1)");
    }

    @Test
    void rejectsAnAdcChannelUsedTwice() {
        assertRejected("""
                adc    adc0 type=mcp3008
                analog a    adc=adc0 channel=3
                analog b    adc=adc0 channel=3
                """, "board.conf:3:", "adc adc0 channel 3 is already used by 'a' (line 2)");
    }

    @Test
    void rejectsABadDuration() {
        assertRejected("digital-in button pin=4 debounce=5", "board.conf:1:", "debounce: '5' is not a duration");
    }

    @Test
    void reportsEveryBadLineAtOnce() {
        String message = assertRejected("""
                digital-in button pin=40
                digital-out led pin=5
                servo arm
                """, "board.conf:1:", "pin 40 is outside 0..27");
        assertTrue(message.contains("board.conf:3: unknown kind 'servo'"), message);
        assertFalse(message.contains("board.conf:2:"), message);
    }

    @Test
    void aFileIsNamedByItsPath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("pi.conf");
        Files.writeString(file, "digital-in button pin=99\n");
        HalException e = assertThrows(HalException.class, () -> BoardConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path directory) {
        HalException e = assertThrows(HalException.class, () -> BoardConfig.load(directory.resolve("none.conf")));
        assertEquals(ErrorKind.IO, e.kind());
    }

    private static String assertRejected(String text, String where, String why) {
        HalException e = assertThrows(HalException.class, () -> BoardConfig.parse("board.conf", text));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().contains(where + " " + why), e.getMessage());
        return e.getMessage();
    }
}
