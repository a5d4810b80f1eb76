package dev.aplysia.device.telemetry;

import dev.aplysia.device.AllocationCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TelemetryQueueTest {

    private final TelemetryQueue queue = new TelemetryQueue(4, 16);
    private final Frame frame = new Frame(16);

    @Test
    void framesComeOutInTheOrderTheyWentInWithTheirChannel() {
        offer(queue, 0, 10);
        offer(queue, 1, 11);
        offer(queue, 0, 12);

        assertEquals(3, queue.size());
        assertPolled(0, 10);
        assertPolled(1, 11);
        assertPolled(0, 12);
        assertFalse(queue.poll(frame));
    }

    @Test
    void whenFullTheOldestFramesAreDroppedAndCounted() {
        for (long seq = 0; seq < 10; seq++) {
            offer(queue, 0, seq);
        }

        assertEquals(6, queue.dropped());
        assertEquals(10, queue.offered());
        assertEquals(4, queue.size());
        for (long seq = 6; seq < 10; seq++) {
            assertPolled(0, seq);
        }
    }

    @Test
    void aFrameLargerThanASlotIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> queue.offer(0, new byte[17], 17));

        assertEquals("frame of 17 bytes exceeds the 16-byte slot", e.getMessage());
    }

    @Test
    void aHolderSmallerThanASlotIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> queue.poll(new Frame(8)));
    }

    @Test
    void aConcurrentConsumerSeesEveryFrameItGetsIntactAndInOrder() throws InterruptedException {
        TelemetryQueue ring = new TelemetryQueue(8, 64);
        int frames = 200_000;
        AtomicReference<String> failure = new AtomicReference<>();
        long[] received = new long[1];
        Thread consumer = new Thread(() -> received[0] = consume(ring, frames, failure));
        consumer.start();

        byte[] payload = new byte[64];
        for (long seq = 0; seq < frames; seq++) {
            fill(payload, seq);
            ring.offer((int) (seq % 3), payload, 8 + (int) (seq % 57));
        }
        offer(ring, 0, -1);
        consumer.join(20_000);

        assertEquals(null, failure.get());
        assertEquals(frames, received[0] + ring.dropped(), "every frame was either received or counted as dropped");
    }

    /** Polls until the end marker (seq -1); checks order, channel and that no payload is torn. */
    private static long consume(TelemetryQueue ring, int frames, AtomicReference<String> failure) {
        Frame into = new Frame(64);
        long last = -1;
        long count = 0;
        while (true) {
            if (!ring.poll(into)) {
                Thread.onSpinWait();
                continue;
            }
            long seq = ByteBuffer.wrap(into.payload()).getLong();
            if (seq == -1) {
                return count;
            }
            String problem = seq <= last ? "seq " + seq + " after " + last
                    : into.channel() != seq % 3 ? "channel " + into.channel() + " for seq " + seq
                    : into.length() != 8 + seq % 57 ? "length " + into.length() + " for seq " + seq
                    : torn(into, seq);
            if (problem != null) {
                failure.compareAndSet(null, problem);
                return count;
            }
            last = seq;
            count++;
        }
    }

    private static String torn(Frame frame, long seq) {
        for (int i = 8; i < frame.length(); i++) {
            if (frame.payload()[i] != (byte) (seq + i)) {
                return "byte " + i + " of seq " + seq + " is torn";
            }
        }
        return null;
    }

    private static void fill(byte[] payload, long seq) {
        ByteBuffer.wrap(payload).putLong(seq);
        for (int i = 8; i < payload.length; i++) {
            payload[i] = (byte) (seq + i);
        }
    }

    @Test
    void offerAndPollAllocateNothing() {
        AllocationCounter.assume();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] payload = new byte[16];
        for (int i = 0; i < 20_000; i++) {
            queue.offer(0, payload, 16);
            queue.poll(frame);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            queue.offer(0, payload, 16);
            queue.offer(1, payload, 16);
            queue.poll(frame);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(queue.dropped() > 0, "the loop must exercise the full-ring path too");
        assertTrue(allocated < 16L * 1_000, allocated + " bytes for 1000 rounds");
    }

    private void assertPolled(int channel, long seq) {
        assertTrue(queue.poll(frame), "expected seq " + seq);
        assertEquals(channel, frame.channel());
        assertEquals(8, frame.length());
        assertEquals(seq, ByteBuffer.wrap(frame.payload()).getLong());
    }

    private static void offer(TelemetryQueue queue, int channel, long seq) {
        queue.offer(channel, ByteBuffer.allocate(8).putLong(seq).array(), 8);
    }
}
