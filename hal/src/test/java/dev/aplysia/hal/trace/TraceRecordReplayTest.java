package dev.aplysia.hal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.Board;
import dev.aplysia.hal.EchoFirmware;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.storage.MemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceRecordReplayTest {

    private static final int TICKS = 20;

    /** Runs the echo firmware on a recorded sim board, pressing the button and sweeping the sonar, for 20 ticks. */
    private static String record(boolean withSonarFaultAtTick5) throws HalException {
        SimBoard sim = SimBoard.of(TestBoards.config());
        StringBuilder trace = new StringBuilder();
        TraceRecorder recorder = new TraceRecorder(sim, TestTraces.HEADER, trace);
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

        assertSame(sim.wallClock(), new TraceRecorder(sim, TestTraces.HEADER, new StringBuilder()).wallClock());
    }

    @Test
    void theRecordingHoldsEveryReadAndWriteByTick() throws Exception {
        String trace = record(false);
        assertTrue(trace.contains("3 button read 1\n"), trace);
        assertTrue(trace.contains("3 button rise 1\n"), trace);
        assertTrue(trace.contains("3 sonar0 read 150\n"), trace);
        assertTrue(trace.contains("3 led set 1\n"), trace);
        assertTrue(trace.contains("3 motor duty 146\n"), trace);
    }

    @Test
    void theRecordingStartsWithItsHeader() throws Exception {
        String trace = record(false);
        assertTrue(trace.startsWith(TestTraces.HEADER.line() + "\n"), trace);
        assertEquals(TestTraces.HEADER, Trace.parse("run.trace", trace).header());
    }

    @Test
    void aClockTickingAtItsPeriodIsWrittenAsTwoReadingsAndOneSteadyRun() throws Exception {
        String trace = record(false);
        assertEquals(List.of("0 clock nanos 0", "1 clock nanos 1000000", "19 clock steady 18"),
                trace.lines().filter(line -> line.contains(" clock ")).toList());
    }

    @Test
    void everyClockReadingReplaysAsRecordedThroughJitterSkippedTicksAndDoubleReads() throws Exception {
        SimBoard sim = SimBoard.of(TestBoards.config());
        StringBuilder text = new StringBuilder();
        TraceRecorder recorder = new TraceRecorder(sim, TestTraces.HEADER, text);
        List<Long> recorded = runClockPlan(recorder, sim.clock(), CLOCK_PLAN);
        recorder.close();
        ReplayBoard replay = new ReplayBoard(TestBoards.config(), Trace.parse("run.trace", text.toString()),
                new MemoryStorage());

        List<Long> replayed = runClockPlan(replay, null, CLOCK_PLAN);

        assertEquals(recorded, replayed, text.toString());
        assertEquals(Optional.empty(), replay.verify(), text.toString());
        assertTrue(text.toString().contains("9 clock steady 8\n10 button read "),
                "a run ended by a tick without a clock read goes before that tick's lines: " + text);
    }

    @Test
    void aClockReadAtATickTheRecordingSkippedIsCaught() throws Exception {
        SimBoard sim = SimBoard.of(TestBoards.config());
        StringBuilder text = new StringBuilder();
        TraceRecorder recorder = new TraceRecorder(sim, TestTraces.HEADER, text);
        runClockPlan(recorder, sim.clock(), CLOCK_PLAN);
        recorder.close();
        ReplayBoard replay = new ReplayBoard(TestBoards.config(), Trace.parse("run.trace", text.toString()),
                new MemoryStorage());

        runClockPlan(replay, null, CLOCK_PLAN.replace("0", "1"));

        ReplayMismatch mismatch = replay.verify().orElseThrow();
        assertEquals(10, mismatch.tick());
        assertEquals(TraceEntry.CLOCK, mismatch.channel());
    }

    /**
     * Clock reads per tick, one digit a tick: tick 10 reads nothing, tick 15 twice; the clock moves 1 ms a tick, and
     * 300 ns more before tick 13.
     */
    private static final String CLOCK_PLAN = "11111111110111121111111111";

    /** Runs {@code plan} on {@code board}, moving {@code clock} (if any) as the plan says; returns every reading. */
    private static List<Long> runClockPlan(Board board, VirtualClock clock, String plan) throws HalException {
        List<Long> readings = new ArrayList<>();
        for (int tick = 0; tick < plan.length(); tick++) {
            board.beginTick(tick);
            board.digitalInput("button").isHigh();
            for (int read = 0; read < plan.charAt(tick) - '0'; read++) {
                readings.add(board.clock().nanos());
            }
            if (clock != null) {
                clock.advance(tick == 12 ? 1_000_300 : 1_000_000);
            }
        }
        return readings;
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
        ReplayBoard board = new ReplayBoard(TestBoards.config(), Trace.parse("run.trace",
                TestTraces.headed("0 button read 1\n")),
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
                Trace.parse("run.trace", TestTraces.headed("0 button read 1\n0 horn set 1\n")), new MemoryStorage()));
        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertEquals("run.trace:3: channel 'horn' is not on the board", e.getMessage());
    }

    @Test
    void aTraceOperationThatDoesNotFitTheChannelIsRejected() {
        HalException e = assertThrows(HalException.class, () -> new ReplayBoard(TestBoards.config(),
                Trace.parse("run.trace", TestTraces.headed("0 led read 1\n")), new MemoryStorage()));
        assertEquals("run.trace:2: 'read' does not apply to 'led'", e.getMessage());
    }
}
