package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Checkpoints on storage that fails: retried with a growing back-off, each failure counted and reported once. */
class FirmwareCheckpointTest {

    /** A checkpoint every ten sample periods. */
    private static final long INTERVAL = 10L * RobotWiring.TICKS_PER_SAMPLE;

    private final FailingWrites storage = new FailingWrites();
    private final List<String> reports = new ArrayList<>();
    private Firmware firmware;

    private FirmwareRunner start() throws HalException {
        SimBoard board = SimBoard.builder().channels(RobotBench.board()).storage(storage).build();
        FirmwareConfig c = RobotBench.config(McuProfile.RP2040);
        FirmwareConfig often = new FirmwareConfig(c.deviceId(), c.profile(), c.classifier(), c.sensors(),
                c.transform(), c.teachers(), c.significance(), c.significanceGain(), c.motors(),
                new int[][] {{800, 800}, {800, 500}, {800, 200}, {500, 800}}, new int[] {0, 0}, c.classLeds(),
                new boolean[c.classLeds().size()], c.tickNanos(),
                c.ticksPerSample(), INTERVAL);
        firmware = new Firmware(often, board, new FirmwareEvents() {
            @Override
            public void checkpoint(long tick, boolean ok, String detail) {
                reports.add((ok ? "saved " : "failed ") + detail);
            }
        });
        return new FirmwareRunner(firmware);
    }

    private long failedReports() {
        return reports.stream().filter(r -> r.startsWith("failed")).count();
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"IO", "STORAGE_FULL"})
    void failedSavesBackOffExponentiallyAndEachIsReportedOnce(ErrorKind failure) throws HalException {
        FirmwareRunner runner = start();
        storage.fail(failure);

        runner.run(40 * INTERVAL);

        assertEquals(7, firmware.counters().checkpointFailures(),
                "attempts after 1, 2, 4, 8, 16, 24 and 32 intervals (back-off capped at 8): " + reports);
        assertEquals(firmware.counters().checkpointFailures(), failedReports(), reports.toString());
        assertEquals(0, firmware.counters().checkpoints());
    }

    @Test
    void aSaveThatWorksAgainEndsTheBackOff() throws HalException {
        FirmwareRunner runner = start();
        storage.fail(ErrorKind.IO);
        runner.run(7 * INTERVAL);
        long failures = firmware.counters().checkpointFailures();
        storage.recover();

        runner.run(10 * INTERVAL);

        assertEquals(3, failures, reports.toString());
        assertTrue(firmware.counters().checkpoints() >= 8, reports.toString());
        assertEquals(failures, firmware.counters().checkpointFailures());
    }

    @Test
    void aFailedFinalCheckpointThrowsSayingWhereWhyAndWhichLearningIsLost() throws HalException {
        FirmwareRunner runner = start();
        runner.run(INTERVAL + 1);
        long savedAt = 1 + INTERVAL;
        storage.fail(ErrorKind.IO);
        runner.run(INTERVAL);

        HalException e = org.junit.jupiter.api.Assertions.assertThrows(HalException.class, firmware::finalCheckpoint);

        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().contains("final snapshot was not saved in the test's storage")
                && e.getMessage().contains("after firmware tick " + savedAt)
                && e.getMessage().contains("Read-only file system"), e.getMessage());
        assertEquals(2, firmware.counters().checkpointFailures());
    }

    @Test
    void aFinalCheckpointSavesAtOnceWhateverTheBackOff() throws HalException {
        FirmwareRunner runner = start();
        storage.fail(ErrorKind.STORAGE_FULL);
        runner.run(5 * INTERVAL);
        storage.recover();

        firmware.finalCheckpoint();

        assertEquals(1, firmware.counters().checkpoints());
        assertTrue(reports.get(reports.size() - 1).startsWith("saved snapshot."), reports.toString());
    }
}
