package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario.Advance;
import dev.aplysia.hal.sim.Scenario.Expect;
import dev.aplysia.hal.sim.Scenario.SetInput;
import dev.aplysia.hal.sim.Scenario.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @Test
    void parsesEveryStepWithItsLineNumber() throws Exception {
        Scenario scenario = Scenario.parse("press.scn", """
                # press the button and watch
                set button 1
                set sonar0 512

                advance 10ms
                expect led 1      # lit
                expect motor 300..400
                signal modulator -0.75
                """);
        assertEquals(List.of(
                new SetInput(2, "button", 1),
                new SetInput(3, "sonar0", 512),
                new Advance(5, 10_000_000L),
                new Expect(6, "led", 1, 1),
                new Expect(7, "motor", 300, 400),
                new Signal(8, "modulator", "-0.75")), scenario.steps());
    }

    @Test
    void anUnknownStepNamesItsLine() {
        assertRejected("set button 1\npush button\n", "press.scn:2: unknown step 'push'");
    }

    @Test
    void aBadDurationNamesItsLine() {
        assertRejected("advance 10\n", "press.scn:1: '10' is not a duration");
    }

    @Test
    void aMissingArgumentNamesItsLine() {
        assertRejected("\n\nexpect led\n", "press.scn:3: expected 'expect CHANNEL VALUE|MIN..MAX'");
    }

    @Test
    void aNegativeInputValueNamesItsLine() {
        assertRejected("set sonar0 -3\n", "press.scn:1: '-3' is not a non-negative integer");
    }

    @Test
    void anEmptyRangeNamesItsLine() {
        assertRejected("expect motor 400..300\n", "press.scn:1: empty range 400..300");
    }

    @Test
    void aSignalMustBeANumber() {
        assertRejected("signal modulator high\n", "press.scn:1: 'high' is not an integer or a decimal");
    }

    @Test
    void everyBadLineIsReported() {
        String message = assertRejected("advance soon\nset button 1\npush\n", "press.scn:1:");
        assertTrue(message.contains("press.scn:3:"), message);
    }

    @Test
    void aFileIsNamedByItsPath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("press.scn");
        Files.writeString(file, "set button 1\nexpect\n");
        HalException e = assertThrows(HalException.class, () -> Scenario.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    }

    private static String assertRejected(String text, String expected) {
        HalException e = assertThrows(HalException.class, () -> Scenario.parse("press.scn", text));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e.getMessage();
    }
}
