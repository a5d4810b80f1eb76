package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        TraceRecorder recorder = new TraceRecorder(sim, trace);
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), recorder, FirmwareEvents.NONE);
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
        ReplayBoard board = new ReplayBoard(RobotBench.board(), Trace.parse("run.trace", trace), new MemoryStorage());
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
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
    void aFirmwareThatActsDifferentlyFromTheRecordingIsCaught() throws HalException {
        String trace = record().replace("motor-right duty 200", "motor-right duty 201");

        Optional<ReplayMismatch> mismatch = replay(trace).verify();

        assertTrue(mismatch.isPresent());
        assertTrue(mismatch.get().toString().contains("motor-right"), mismatch.get().toString());
    }
}
