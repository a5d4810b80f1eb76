package dev.aplysia.hal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void parsesEntriesWithValuesAndFailures() throws Exception {
        Trace trace = Trace.parse("run.trace", TestTraces.headed("""
                # recorded on the bench
                12 button read 1
                12 sonar0 read - !IO
                13 led set 1 !BUSY
                """));
        assertEquals(List.of(
                new TraceEntry(3, 12, "button", TraceOp.READ, 1, null),
                new TraceEntry(4, 12, "sonar0", TraceOp.READ, 0, ErrorKind.IO),
                new TraceEntry(5, 13, "led", TraceOp.SET, 1, ErrorKind.BUSY)), trace.entries());
    }

    @Test
    void theClockChannelNameIsReservedForChannels() {
        assertTrue(BoardConfig.RESERVED_NAMES.contains(TraceEntry.CLOCK));
    }

    @Test
    void anEntryPrintsAsItsLine() throws Exception {
        String text = "12 sonar0 read - !IO";
        assertEquals(text, Trace.parse("run.trace", TestTraces.headed(text)).entries().get(0).toString());
    }

    @Test
    void anUnknownOperationNamesItsLine() {
        assertRejected("1 led set 1\n1 led blink 1\n", "run.trace:3: unknown operation 'blink'");
    }

    @Test
    void ticksMayNotGoBack() {
        assertRejected("5 led set 1\n4 led set 0\n", "run.trace:3: tick 4 goes back from 5");
    }

    @Test
    void aFailedReadHasNoValue() {
        assertRejected("1 sonar0 read 5 !IO\n", "run.trace:2: a failed read has no value");
    }

    @Test
    void aFailureNamesAnErrorKind() {
        assertRejected("1 led set 1 !FIRE\n", "run.trace:2: '!FIRE' is not a failure");
    }

    @Test
    void theHeaderIsReadFromTheFirstLine() throws Exception {
        Trace trace = Trace.parse("run.trace", "aplysia-trace 2 firmware=0.1.0 seed=7 config=00000000deadbeef\n"
                + "1 led set 1\n");
        assertEquals(new TraceHeader("0.1.0", 7, "00000000deadbeef"), trace.header());
    }

    @Test
    void aTraceWithoutAHeaderIsRejectedAtItsFirstLine() {
        assertUnheadedRejected("0 clock nanos 0\n", "run.trace:1: no trace header: a trace starts with"
                + " 'aplysia-trace 2 firmware=VERSION seed=SEED config=HASH', not '0 clock nanos 0'");
    }

    @Test
    void anEmptyTraceHasNoHeader() {
        assertUnheadedRejected("# nothing recorded\n", "run.trace:1: no trace header: the trace is empty");
    }

    @Test
    void aHeaderOfAnotherFormatIsRejected() {
        assertUnheadedRejected("aplysia-trace 3 firmware=0.1.0 seed=1 config=0123456789abcdef\n",
                "run.trace:1: trace format 3: this build reads format 2");
    }

    @Test
    void aHeaderMissingAFieldIsRejected() {
        assertUnheadedRejected("aplysia-trace 2 firmware=0.1.0 config=0123456789abcdef\n",
                "run.trace:1: the header needs firmware, seed and config");
    }

    @Test
    void aHeaderWithAMalformedConfigHashIsRejected() {
        assertUnheadedRejected("aplysia-trace 2 firmware=0.1.0 seed=1 config=xyz\n",
                "run.trace:1: config hash 'xyz' must be 16 lowercase hex digits");
    }

    @Test
    void aSecondHeaderIsRejected() {
        assertRejected(TestTraces.HEADER.line() + "\n", "run.trace:2: a second header");
    }

    @Test
    void aSteadyRunNeedsTwoClockReadingsBeforeIt() {
        assertRejected("0 clock nanos 0\n3 clock steady 3\n", "run.trace:3: a steady run continues the step"
                + " between the two clock readings before it; this trace has 1 before it");
    }

    @Test
    void aSteadyRunStartsAfterTheLastClockReading() {
        assertRejected("0 clock nanos 0\n4 clock nanos 5\n6 clock steady 3\n", "run.trace:4: a steady run of 3"
                + " reads ending at tick 6 starts at tick 4, not after the clock reading at tick 4");
    }

    @Test
    void aSteadyRunHoldsAtLeastOneRead() {
        assertRejected("0 clock nanos 0\n1 clock nanos 5\n2 clock steady 0\n", "run.trace:4: a steady run"
                + " holds one or more successful reads, not 0");
    }

    @Test
    void theLastTickIsTheLastEntrys() throws Exception {
        Trace trace = Trace.parse("run.trace", TestTraces.headed("0 clock nanos 0\n1 clock nanos 5\n9 clock steady"
                + " 8\n"));
        assertEquals(9, trace.lastTick());
    }

    private static void assertUnheadedRejected(String text, String expected) {
        HalException e = assertThrows(HalException.class, () -> Trace.parse("run.trace", text));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertRejected(String entries, String expected) {
        assertUnheadedRejected(TestTraces.headed(entries), expected);
    }
}
