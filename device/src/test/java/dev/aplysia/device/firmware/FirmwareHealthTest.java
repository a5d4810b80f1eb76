package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.AllocationCounter;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.Frame;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareHealthTest {

    private static final int SAMPLE = RobotWiring.TICKS_PER_SAMPLE;

    private final SimBoard board = taughtForward();
    private final TelemetryQueue queue = new TelemetryQueue(64, 512);
    private final Telemetry telemetry = new Telemetry(queue, board.clock(), () -> 1_700_000_000_000L);
    private final FirmwareHealth health = new FirmwareHealth(telemetry);
    private final Firmware firmware = firmware(health);
    private final FirmwareRunner runner = new FirmwareRunner(firmware, () -> health.report(firmware));

    private static SimBoard taughtForward() {
        try {
            SimBoard board = SimBoard.of(RobotBench.board());
            for (int s = 0; s < 8; s++) {
                board.analogInput("sonar" + s).drive(200 + 90 * s);
            }
            board.digitalInput(RobotWiring.teacher(0)).drive(true);
            return board;
        } catch (HalException e) {
            throw new IllegalStateException(e);
        }
    }

    private Firmware firmware(FirmwareEvents events) {
        try {
            return new Firmware(RobotBench.config(McuProfile.PI_NATIVE), board, events);
        } catch (HalException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<FlatJson> frames() {
        List<FlatJson> frames = new ArrayList<>();
        Frame frame = new Frame(queue.slotBytes());
        while (queue.poll(frame)) {
            frames.add(new FlatJson(32, 1024, 32).parse(frame.payload(), frame.length()));
        }
        return frames;
    }

    private static double number(FlatJson json, String field) {
        int i = json.indexOf(field);
        assertTrue(i >= 0, "no field " + field);
        return json.number(i);
    }

    private static boolean isNull(FlatJson json, String field) {
        return json.type(json.indexOf(field)) == FlatJson.Type.NULL;
    }

    @Test
    void aHealthFrameGoesOutOnTheFirstTickThenOncePerSecondOfBoardTime() {
        runner.run(2_500);

        List<FlatJson> frames = frames();
        assertEquals(3, frames.size());
        assertEquals(List.of(1.0, 1001.0, 2001.0), frames.stream().map(f -> number(f, "tick")).toList());
        assertEquals(List.of(0.0, 1000.0, 2000.0), frames.stream().map(f -> number(f, "uptime_ms")).toList());
        assertTrue(isNull(frames.get(0), "ticks_per_s"));
        assertEquals(1000.0, number(frames.get(1), "ticks_per_s"), "1 ms ticks on the board's clock");
    }

    @Test
    void itCarriesTheCountersAndTheLearningSwitch() {
        runner.run(1_001);

        FlatJson last = frames().get(1);
        assertEquals(9.0, number(last, "decisions"), "one per 111-tick sample period");
        assertEquals(firmware.counters().decisions(), number(last, "decisions"));
        assertEquals(firmware.counters().learned(), number(last, "learned"));
        assertEquals(0.0, number(last, "deadline_misses"));
        assertEquals(0.0, number(last, "hal_errors"));
        assertEquals(0.0, number(last, "dropped"));
        assertTrue(last.bool(last.indexOf("learning")));
        assertTrue(number(last, "heap_bytes") > 0);
    }

    @Test
    void accuracyCoversTheLastHundredTaughtDecisionsAndNoneBeforeTheFirst() {
        health.report(firmware);
        for (int k = 0; k < 150; k++) {
            health.decided(k, k, k < 60 ? 1 : 0, 0);
        }
        health.decided(150, 150, 2, -1);
        board.clock().advance(1_000_000_000L);
        health.report(firmware);

        List<FlatJson> frames = frames();
        assertTrue(isNull(frames.get(0), "accuracy"));
        assertEquals(0.9, number(frames.get(1), "accuracy"), "90 of the last 100 taught decisions right");
        assertEquals(100.0, number(frames.get(1), "accuracy_of"));
    }

    @Test
    void snapshotAgeIsNullUntilASnapshotIsSavedThenCountsFromIt() {
        health.report(firmware);
        board.clock().advance(1_000_000_000L);
        health.checkpoint(1, false, "disk full");
        health.report(firmware);
        health.checkpoint(2, true, "snapshot.current");
        board.clock().advance(1_250_000_000L);
        health.report(firmware);

        List<FlatJson> frames = frames();
        assertTrue(isNull(frames.get(0), "snapshot_age_ms"));
        assertTrue(isNull(frames.get(1), "snapshot_age_ms"), "a failed save is no snapshot");
        assertEquals(1250.0, number(frames.get(2), "snapshot_age_ms"));
    }

    @Test
    void modulatorIsThatOfTheLastLearnedSample() {
        health.report(firmware);
        health.learned(5, 1, 0, 3.0);
        health.learned(9, 2, 0, 1.0);
        board.clock().advance(1_000_000_000L);
        health.report(firmware);

        List<FlatJson> frames = frames();
        assertTrue(isNull(frames.get(0), "modulator"));
        assertEquals(1.0, number(frames.get(1), "modulator"));
    }

    @Test
    void learningSwitchedOffShowsInTheNextFrame() {
        health.report(firmware);
        firmware.setLearning(false);
        board.clock().advance(1_000_000_000L);
        health.report(firmware);

        FlatJson last = frames().get(1);
        assertFalse(last.bool(last.indexOf("learning")));
    }

    @Test
    void aHaltShowsWithItsCauseUntilResumed() throws HalException {
        health.report(firmware);
        firmware.halt(HaltCause.COMMAND);
        board.clock().advance(1_000_000_000L);
        health.report(firmware);
        firmware.resume();
        board.clock().advance(1_000_000_000L);
        health.report(firmware);

        List<FlatJson> frames = frames();
        assertTrue(isNull(frames.get(0), "halted"));
        assertEquals("command", frames.get(1).text(frames.get(1).indexOf("halted")));
        assertTrue(isNull(frames.get(2), "halted"));
    }

    @Test
    void warmTicksReportingHealthAllocateNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Frame frame = new Frame(queue.slotBytes());
        Firmware reporting = firmware(FirmwareEvents.both(new FirmwareTelemetry(telemetry), health));
        FirmwareRunner warm = new FirmwareRunner(reporting, () -> {
            health.report(reporting);
            queue.poll(frame);
        });
        warm.run(200L * SAMPLE);

        long fewest = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            warm.run(10L * SAMPLE);
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertEquals(0, fewest, "bytes allocated in the quietest of 5 windows of 10 sample periods");
    }
}
