package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.trace.ReplayBoard;
import dev.aplysia.hal.trace.ReplayMismatch;
import dev.aplysia.hal.trace.Trace;
import dev.aplysia.hal.trace.TraceRecorder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirmwareReplayTest {

    private static final int SAMPLE = RobotWiring.TICKS_PER_SAMPLE;

    /** Records a run in which the robot is taught one situation, then meets another. */
    private static String record() throws HalException {
        SimBoard sim = SimBoard.of(RobotBench.board());
        StringBuilder trace = new StringBuilder();
        FirmwareConfig config = RobotBench.config(McuProfile.PI_NATIVE);
        TraceRecorder recorder = new TraceRecorder(sim, RobotBench.header(config), trace);
        Firmware firmware = new Firmware(config, recorder, FirmwareEvents.NONE);
        FirmwareRunner runner = new FirmwareRunner(firmware);
        for (int s = 0; s < 8; s++) {
            sim.analogInput("sonar" + s).drive(100 + 100 * s);
        }
        sim.digitalInput(RobotWiring.teacher(2)).drive(true);
        runner.run(3L * SAMPLE);
        sim.digitalInput(RobotWiring.teacher(2)).drive(false);
        sim.analogInput("sonar0").drive(900);
        runner.run(2L * SAMPLE);
        recorder.flush();
        return trace.toString();
    }

    private static ReplayBoard replay(String trace) throws HalException {
        FirmwareConfig config = RobotBench.config(McuProfile.PI_NATIVE);
        Trace parsed = Trace.parse("run.trace", trace);
        parsed.requireRecordedBy(RobotBench.header(config));
        ReplayBoard board = new ReplayBoard(RobotBench.board(), parsed, new MemoryStorage());
        Firmware firmware = new Firmware(config, board, FirmwareEvents.NONE);
        new FirmwareRunner(firmware).run(5L * SAMPLE);
        return board;
    }

    @Test
    void replayingARecordedRunReproducesEveryOutputAtTheSameTick() throws HalException {
        String trace = record();

        Optional<ReplayMismatch> mismatch = replay(trace).verify();

        assertEquals(Optional.empty(), mismatch);
        assertTrue(trace.contains(" motor-left duty "), "the trace holds the motor writes");
    }

    @Test
    void theClockOfTheWholeRunIsWrittenInAFewLines() throws HalException {
        long clockLines = record().lines().filter(line -> line.contains(" clock ")).count();

        assertTrue(clockLines <= 4, clockLines + " clock lines for " + 5 * SAMPLE + " ticks");
    }

    @Test
    void aRunWithAnotherSeedIsNotTheRecordedRun() throws HalException {
        Trace trace = Trace.parse("run.trace", record());
        FirmwareConfig reseeded = RobotWiring.config(RobotBench.board(), McuProfile.PI_NATIVE, "bench", 2);

        HalException e = assertThrows(HalException.class, () -> trace.requireRecordedBy(RobotBench.header(reseeded)));

        assertEquals("run.trace:1: recorded by another run: seed 1, this run 2", e.getMessage());
    }

    @Test
    void aRunOnAnotherProfileIsNotTheRecordedRun() throws HalException {
        Trace trace = Trace.parse("run.trace", record());
        FirmwareConfig esp32 = RobotBench.config(McuProfile.ESP32);

        HalException e = assertThrows(HalException.class, () -> trace.requireRecordedBy(RobotBench.header(esp32)));

        assertTrue(e.getMessage().startsWith("run.trace:1: recorded by another run: config "), e.getMessage());
    }

    @Test
    void theDeviceIdDoesNotMakeAnotherRun() throws HalException {
        FirmwareConfig renamed = RobotWiring.config(RobotBench.board(), McuProfile.RP2040, "robot-7", 1);

        assertEquals(RobotBench.header(RobotBench.config(McuProfile.RP2040)), RobotBench.header(renamed));
    }

    @Test
    void aFirmwareThatActsDifferentlyFromTheRecordingIsCaught() throws HalException {
        String trace = record().replace("motor-right duty 200", "motor-right duty 201");

        Optional<ReplayMismatch> mismatch = replay(trace).verify();

        assertTrue(mismatch.isPresent());
        assertTrue(mismatch.get().toString().contains("motor-right"), mismatch.get().toString());
    }
}
