package dev.aplysia.hal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.EchoFirmware;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.storage.MemoryStorage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceRecordReplayTest {

    private static final int TICKS = 20;

    /** Runs the echo firmware on a recorded sim board, pressing the button and sweeping the sonar, for 20 ticks. */
    private static String record(boolean withSonarFaultAtTick5) throws HalException {
        SimBoard sim = SimBoard.of(TestBoards.config());
        StringBuilder trace = new StringBuilder();
        TraceRecorder recorder = new TraceRecorder(sim, trace);
        EchoFirmware firmware = new EchoFirmware(recorder);
        for (int tick = 0; tick < TICKS; tick++) {
            sim.digitalInput("button").drive(tick % 6 >= 3);
            sim.analogInput("sonar0").drive(tick * 50);
            if (withSonarFaultAtTick5 && tick == 5) {
                sim.faults().failNext("sonar0", 1, ErrorKind.IO);
            }
            firmware.tick();
        }
        recorder.close();
        return trace.toString();
    }

    private static ReplayBoard replay(String trace, boolean withBug, int ticks) throws HalException {
        ReplayBoard board = new ReplayBoard(TestBoards.config(), Trace.parse("run.trace", trace), new MemoryStorage());
        EchoFirmware firmware = new EchoFirmware(board);
        if (withBug) {
            firmware.withBugAtTick7();
        }
        for (int tick = 0; tick < ticks; tick++) {
            firmware.tick();
        }
        return board;
    }

    @Test
    void aRecordingBoardStampsWithTheWallClockOfTheBoardItWraps() {
        SimBoard sim = SimBoard.builder().wallClock(() -> 1_700_000_000_000L).build();

        assertSame(sim.wallClock(), new TraceRecorder(sim, new StringBuilder()).wallClock());
    }

    @Test
    void theRecordingHoldsEveryReadAndWriteByTick() throws Exception {
        String trace = record(false);
        assertTrue(trace.contains("3 button read 1\n"), trace);
        assertTrue(trace.contains("3 button rise 1\n"), trace);
        assertTrue(trace.contains("3 sonar0 read 150\n"), trace);
        assertTrue(trace.contains("3 led set 1\n"), trace);
        assertTrue(trace.contains("3 motor duty 146\n"), trace);
        assertTrue(trace.contains("3 clock nanos 3000000\n"), trace);
    }

    @Test
    void replayingTheSameFirmwareReproducesEveryOutput() throws Exception {
        ReplayBoard board = replay(record(false), false, TICKS);
        assertEquals(Optional.empty(), board.verify());
    }

    @Test
    void replayReportsTheFirstOutputThatDiffersWithTickAndChannel() throws Exception {
        ReplayMismatch mismatch = replay(record(false), true, TICKS).verify().orElseThrow();
        assertEquals(7, mismatch.tick());
        assertEquals("led", mismatch.channel());
        assertEquals("7 led set 0", mismatch.recorded());
        assertEquals("7 led set 1", mismatch.replayed());
    }

    @Test
    void replayReportsRecordedOperationsTheRunNeverReached() throws Exception {
        ReplayMismatch mismatch = replay(record(false), false, TICKS - 2).verify().orElseThrow();
        assertEquals(TICKS - 2, mismatch.tick());
        assertEquals("nothing", mismatch.replayed());
    }

    @Test
    void recordedFailuresAreRecordedAndReplayedAsFailures() throws Exception {
        String trace = record(true);
        assertTrue(trace.contains("5 sonar0 read - !IO\n"), trace);
        ReplayBoard board = replay(trace, false, TICKS);
        assertEquals(Optional.empty(), board.verify());
    }

    @Test
    void aReadTheTraceDoesNotHoldFailsAndIsReported() throws Exception {
        ReplayBoard board = new ReplayBoard(TestBoards.config(), Trace.parse("run.trace", "0 button read 1\n"),
                new MemoryStorage());
        board.beginTick(0);
        assertTrue(board.digitalInput("button").isHigh());
        HalException e = assertThrows(HalException.class, () -> board.analogInput("sonar0").read());
        assertEquals(ErrorKind.OTHER, e.kind());
        assertEquals("tick 0, channel 'sonar0': recorded 'nothing', replayed '0 sonar0 read'",
                board.firstMismatch().orElseThrow().toString());
    }

    @Test
    void aTraceNamingAChannelTheBoardLacksIsRejectedWithItsLine() {
        HalException e = assertThrows(HalException.class, () -> new ReplayBoard(TestBoards.config(),
                Trace.parse("run.trace", "0 button read 1\n0 horn set 1\n"), new MemoryStorage()));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertEquals("run.trace:2: channel 'horn' is not on the board", e.getMessage());
    }

    @Test
    void aTraceOperationThatDoesNotFitTheChannelIsRejected() {
        HalException e = assertThrows(HalException.class, () -> new ReplayBoard(TestBoards.config(),
                Trace.parse("run.trace", "0 led read 1\n"), new MemoryStorage()));
        assertEquals("run.trace:1: 'read' does not apply to 'led'", e.getMessage());
    }
}
