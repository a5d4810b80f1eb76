package dev.aplysia.device.firmware;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.Frame;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirmwareTelemetryTest {

    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private final TelemetryQueue queue = new TelemetryQueue(16, 256);
    private long boardNanos;
    private final Telemetry telemetry = new Telemetry(queue, () -> boardNanos, () -> EPOCH_MILLIS);
    private final FirmwareTelemetry events = new FirmwareTelemetry(telemetry);
    private final Frame frame = new Frame(256);

    @Test
    void eachReportBecomesAFrameOnItsChannelStampedWithWallTimeAndUptime() {
        boardNanos = 5_000_000_000L;
        events.decided(111, 1, 2, -1);
        events.learned(127, 1, 2, 3.0);
        events.halError(130, "sensor front/read", new HalException(ErrorKind.TIMEOUT, "no answer"));
        events.checkpoint(131, true, "snapshot.b");

        String stamp = "\"ts\":1700000000000,\"uptime_ms\":5000,";
        assertEquals("telemetry/decisions {\"seq\":0,\"tick\":111," + stamp
                + "\"sample\":1,\"decided\":2,\"taught\":-1}", next());
        assertEquals("telemetry/learning {\"seq\":0,\"tick\":127," + stamp
                + "\"sample\":1,\"taught\":2,\"modulator\":3.000}", next());
        assertEquals("event/hal-error {\"seq\":0,\"tick\":130," + stamp
                + "\"what\":\"sensor front/read\",\"error\":\"no answer\"}", next());
        assertEquals("event/checkpoint {\"seq\":0,\"tick\":131," + stamp
                + "\"ok\":true,\"detail\":\"snapshot.b\"}", next());
    }

    @Test
    void aFirmwareOnTheSimulatedBoardStampsTsWithWallTimeAndUptimeWithBoardTime() throws HalException {
        SimBoard board = SimBoard.builder().channels(RobotBench.board()).wallClock(() -> EPOCH_MILLIS).build();
        TelemetryQueue frames = new TelemetryQueue(16, 256);
        Telemetry boardTelemetry = new Telemetry(frames, board.clock(), board.wallClock());
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.PI_NATIVE), board,
                new FirmwareTelemetry(boardTelemetry));

        new FirmwareRunner(firmware).run(2L * RobotWiring.TICKS_PER_SAMPLE);

        assertTrue(frames.poll(frame));
        FlatJson decision = json(frame);
        assertEquals(EPOCH_MILLIS, whole(decision, "ts"));
        assertEquals((whole(decision, "tick") - 1) * RobotWiring.TICK_NANOS / 1_000_000, whole(decision, "uptime_ms"));
    }

    @Test
    void haltsAndResumesAreEventsNamingTheCause() {
        boardNanos = 5_000_000_000L;
        events.halted(200, HaltCause.STALL);
        events.resumed(950);

        String stamp = "\"ts\":1700000000000,\"uptime_ms\":5000";
        assertEquals("event/halted {\"seq\":0,\"tick\":200," + stamp + ",\"cause\":\"stall\"}", next());
        assertEquals("event/resumed {\"seq\":0,\"tick\":950," + stamp + "}", next());
    }

    @Test
    void reportingDecisionsAndLearningAllocatesNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            report(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            report(i);
        }

        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 16L * 1_000);
    }

    private void report(int i) {
        events.decided(i, i, i % 4, i % 4);
        events.learned(i, i, i % 4, 1.0);
        queue.poll(frame);
        queue.poll(frame);
    }

    private static FlatJson json(Frame frame) {
        return new FlatJson(32, 1024, 64).parse(frame.payload(), frame.length());
    }

    private static long whole(FlatJson json, String name) {
        int i = json.indexOf(name);
        assertTrue(i >= 0, "no field " + name);
        return (long) json.number(i);
    }

    private String next() {
        assertTrue(queue.poll(frame));
        return telemetry.channel(frame.channel()).topicSuffix() + " "
                + new String(frame.payload(), 0, frame.length(), StandardCharsets.UTF_8);
    }
}
