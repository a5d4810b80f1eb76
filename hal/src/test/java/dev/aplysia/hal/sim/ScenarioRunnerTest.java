package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.EchoFirmware;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.sim.ScenarioResult.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private final SimBoard board = SimBoard.of(TestBoards.config());
    private final List<String> signals = new ArrayList<>();

    /** Runs the echo firmware tick by tick for as long as each advance step says. */
    private final class EchoTarget implements ScenarioTarget {
        private final EchoFirmware firmware;

        EchoTarget() throws HalException {
            firmware = new EchoFirmware(board);
        }

        @Override
        public void advance(long nanos) throws HalException {
            long end = board.clock().nanos() + nanos;
            while (board.clock().nanos() + EchoFirmware.PERIOD_NANOS <= end) {
                firmware.tick();
            }
        }

        @Override
        public void signal(String name, String value) {
            signals.add(name + "=" + value);
        }
    }

    private ScenarioResult run(String text) throws HalException {
        return new ScenarioRunner(board, new EchoTarget()).run(Scenario.parse("echo.scn", text));
    }

    @Test
    void aScenarioTheFirmwareSatisfiesPasses() throws Exception {
        ScenarioResult result = run("""
                set button 1
                set sonar0 1023
                advance 3ms
                expect led 1
                expect motor 1000
                set sonar0 512
                advance 1ms
                expect motor 450..550
                """);
        assertTrue(result.passed(), result.toString());
        assertEquals(3, result.expectations());
    }

    @Test
    void unmetExpectationsAreReportedWithLineExpectedAndActual() throws Exception {
        ScenarioResult result = run("""
                set button 0
                advance 2ms
                expect led 1
                expect motor 0
                expect motor 10..20
                """);
        assertEquals(List.of(new Failure("echo.scn", 3, "led", "1", 0), new Failure("echo.scn", 5, "motor", "10..20",
                0)), result.failures());
        assertEquals("echo.scn:3: expected led 1, was 0", result.failures().get(0).toString());
    }

    @Test
    void advanceLetsExactlyThatMuchVirtualTimePass() throws Exception {
        run("advance 2500us\nadvance 1s\n");
        assertEquals(1_002_500_000L, board.clock().nanos());
    }

    @Test
    void signalsReachTheTargetAsWritten() throws Exception {
        run("signal modulator 0.75\nsignal reward -2\n");
        assertEquals(List.of("modulator=0.75", "reward=-2"), signals);
    }

    @Test
    void anUnknownChannelIsRejectedWithItsLineBeforeAnythingRuns() {
        HalException e = assertThrows(HalException.class, () -> run("set button 1\nadvance 1ms\nexpect lde 1\n"));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().startsWith("echo.scn:3: the board has no channel named 'lde'"), e.getMessage());
        assertEquals(0, board.clock().nanos());
    }

    @Test
    void settingAnOutputIsRejectedWithItsLine() {
        HalException e = assertThrows(HalException.class, () -> run("set led 1\n"));
        assertTrue(e.getMessage().startsWith("echo.scn:1: 'led' is a digital output; set needs"), e.getMessage());
    }

    @Test
    void aValueOutsideTheChannelRangeIsRejectedWithItsLine() {
        HalException e = assertThrows(HalException.class, () -> run("advance 1ms\nexpect motor 900..1200\n"));
        assertTrue(e.getMessage().startsWith("echo.scn:2: value 1200 is outside 0..1000 for 'motor'"),
                e.getMessage());
    }
}
