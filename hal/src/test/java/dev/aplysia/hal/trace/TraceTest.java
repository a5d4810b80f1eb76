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
        Trace trace = Trace.parse("run.trace", """
                # recorded on the bench
                12 button read 1
                12 sonar0 read - !IO
                13 led set 1 !BUSY
                """);
        assertEquals(List.of(
                new TraceEntry(2, 12, "button", TraceOp.READ, 1, null),
                new TraceEntry(3, 12, "sonar0", TraceOp.READ, 0, ErrorKind.IO),
                new TraceEntry(4, 13, "led", TraceOp.SET, 1, ErrorKind.BUSY)), trace.entries());
    }

    @Test
    void theClockChannelNameIsReservedForChannels() {
        assertTrue(BoardConfig.RESERVED_NAMES.contains(TraceEntry.CLOCK));
    }

    @Test
    void anEntryPrintsAsItsLine() throws Exception {
        String text = "12 sonar0 read - !IO";
        assertEquals(text, Trace.parse("run.trace", text).entries().get(0).toString());
    }

    @Test
    void anUnknownOperationNamesItsLine() {
        assertRejected("1 led set 1\n1 led blink 1\n", "run.trace:2: unknown operation 'blink'");
    }

    @Test
    void ticksMayNotGoBack() {
        assertRejected("5 led set 1\n4 led set 0\n", "run.trace:2: tick 4 goes back from 5");
    }

    @Test
    void aFailedReadHasNoValue() {
        assertRejected("1 sonar0 read 5 !IO\n", "run.trace:1: a failed read has no value");
    }

    @Test
    void aFailureNamesAnErrorKind() {
        assertRejected("1 led set 1 !FIRE\n", "run.trace:1: '!FIRE' is not a failure");
    }

    private static void assertRejected(String text, String expected) {
        HalException e = assertThrows(HalException.class, () -> Trace.parse("run.trace", text));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
