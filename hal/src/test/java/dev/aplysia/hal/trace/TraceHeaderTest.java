package dev.aplysia.hal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.TestBoards;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    private static final String SETTINGS = "profile rp2040\nticks per sample 111";

    private static TraceHeader header(String boardText, String settings) {
        return TraceHeader.of("0.1.0", 1, SourceText.of("bench.conf", boardText), settings);
    }

    @Test
    void aHeaderLineReadsBackAsTheSameHeader() throws Exception {
        TraceHeader written = header(TestBoards.CONFIG, SETTINGS);

        Trace trace = Trace.parse("run.trace", written.line() + "\n");

        assertEquals(written, trace.header());
    }

    @Test
    void theConfigHashIgnoresCommentsBlankLinesAndSpacing() {
        String reformatted = "\n# reformatted\n" + TestBoards.CONFIG.replace("   ", " ").replace("led     pin=27",
                "led pin=27   # the status LED");

        assertEquals(header(TestBoards.CONFIG, SETTINGS).config(), header(reformatted, SETTINGS).config());
    }

    @Test
    void theConfigHashChangesWithAnyDeclaredOption() {
        String changed = TestBoards.CONFIG.replace("debounce=5ms", "debounce=6ms");

        assertNotEquals(header(TestBoards.CONFIG, SETTINGS).config(), header(changed, SETTINGS).config());
    }

    @Test
    void theConfigHashChangesWithTheFirmwareSettings() {
        assertNotEquals(header(TestBoards.CONFIG, SETTINGS).config(),
                header(TestBoards.CONFIG, SETTINGS.replace("rp2040", "esp32")).config());
    }

    @Test
    void aHeaderDiffersFromAnotherRunsFieldByField() {
        TraceHeader recorded = new TraceHeader("0.1.0", 1, "0123456789abcdef");
        TraceHeader run = new TraceHeader("0.2.0", 2, "0123456789abcdef");

        assertEquals(List.of("firmware 0.1.0, this run 0.2.0", "seed 1, this run 2"), recorded.differencesFrom(run));
    }

    @Test
    void aTraceIsRefusedForAnotherRunNamingEveryDifferingField() throws Exception {
        Trace trace = Trace.parse("run.trace", TestTraces.headed("0 clock nanos 0\n"));
        TraceHeader run = new TraceHeader("test", 2, "fedcba9876543210");

        HalException e = assertThrows(HalException.class, () -> trace.requireRecordedBy(run));

        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertEquals("run.trace:1: recorded by another run: seed 1, this run 2; config 0123456789abcdef, this run"
                + " fedcba9876543210", e.getMessage());
    }

    @Test
    void aTraceIsAcceptedForTheRunThatRecordedIt() throws Exception {
        Trace.parse("run.trace", TestTraces.headed("0 clock nanos 0\n")).requireRecordedBy(TestTraces.HEADER);
    }

    @Test
    void aFirmwareVersionWithASpaceCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> new TraceHeader("0.1 beta", 1, "0123456789abcdef"));
    }
}
