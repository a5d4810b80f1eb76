package dev.aplysia.device.telemetry;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private final TelemetryQueue queue = new TelemetryQueue(8, 128);
    private long boardNanos = 7_000_000_000L;
    private final Telemetry telemetry = new Telemetry(queue, () -> boardNanos,
            () -> EPOCH_MILLIS + boardNanos / 1_000_000);
    private final FrameChannel accuracy = telemetry.stream("accuracy");
    private final FrameChannel overrun = telemetry.event("overrun");
    private final Frame frame = new Frame(128);

    @Test
    void everyFrameStartsWithItsChannelsSeqTheTickWallTimeAndUptime() {
        boardNanos += 5_000_000;
        accuracy.begin(100).field("acc", 0.5, 2);
        accuracy.send();
        boardNanos += 1_000_000;
        overrun.begin(101).field("late-us", 12L);
        overrun.send();
        boardNanos += 999_999_999;
        accuracy.begin(200).field("acc", 0.75, 2);
        accuracy.send();

        assertEquals("{\"seq\":0,\"tick\":100,\"ts\":1700000007005,\"uptime_ms\":5,\"acc\":0.50}",
                next(accuracy));
        assertEquals("{\"seq\":0,\"tick\":101,\"ts\":1700000007006,\"uptime_ms\":6,\"late-us\":12}",
                next(overrun));
        assertEquals("{\"seq\":1,\"tick\":200,\"ts\":1700000008005,\"uptime_ms\":1005,\"acc\":0.75}",
                next(accuracy));
        assertEquals(2, accuracy.nextSeq());
    }

    @Test
    void streamsGoToTelemetryAtQos0AndEventsToEventAtQos1() {
        assertEquals("telemetry/accuracy", accuracy.topicSuffix());
        assertEquals(0, accuracy.qos());
        assertEquals("event/overrun", overrun.topicSuffix());
        assertEquals(1, overrun.qos());
    }

    @Test
    void aRetainedStreamGoesToTelemetryRetainedAtQos1() {
        FrameChannel health = telemetry.retainedStream("health");

        assertEquals("telemetry/health", health.topicSuffix());
        assertEquals(1, health.qos());
        assertTrue(health.retained());
        assertFalse(accuracy.retained() || overrun.retained());
    }

    @Test
    void aChannelCanBeRegisteredOnlyOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> telemetry.stream("accuracy"));

        assertEquals("telemetry/accuracy is already registered", e.getMessage());
    }

    @Test
    void anUnsafeStreamNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> telemetry.stream("a/b"));

        assertTrue(e.getMessage().startsWith("invalid stream name 'a/b'"), e.getMessage());
    }

    @Test
    void sendingAnotherChannelsFrameIsRefused() {
        accuracy.begin(1);

        IllegalStateException e = assertThrows(IllegalStateException.class, overrun::send);
        assertEquals("send() on event/overrun without its begin()", e.getMessage());
    }

    @Test
    void aFrameDroppedByTheQueueStillUsesUpItsSeqSoTheCollectorSeesTheGap() {
        for (int i = 0; i < 10; i++) {
            accuracy.begin(i);
            accuracy.send();
        }

        assertEquals(2, queue.dropped());
        assertTrue(next(accuracy).startsWith("{\"seq\":2,"));
    }

    @Test
    void producingAFrameAllocatesNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            produce(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            produce(i);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 16L * 1_000, allocated + " bytes for 1000 frames");
    }

    private void produce(int i) {
        accuracy.begin(i).field("acc", i / 1000.0, 3).field("phase", "train");
        accuracy.send();
        queue.poll(frame);
    }

    private String next(FrameChannel expected) {
        assertTrue(queue.poll(frame));
        assertEquals(expected.id(), frame.channel());
        return new String(frame.payload(), 0, frame.length(), StandardCharsets.UTF_8);
    }
}
