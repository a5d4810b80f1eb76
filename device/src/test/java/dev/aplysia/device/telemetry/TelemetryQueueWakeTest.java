package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A consumer parked on an empty queue is woken by the next frame offered. */
class TelemetryQueueWakeTest {

    @Test
    void anOfferUnparksTheConsumerThatAskedToBeWoken() throws InterruptedException {
        TelemetryQueue queue = new TelemetryQueue(4, 16);
        Frame frame = new Frame(16);
        int[] channel = {-1};
        Thread consumer = new Thread(() -> {
            while (!queue.poll(frame)) {
                LockSupport.park();
            }
            channel[0] = frame.channel();
        });
        queue.wakeOnOffer(consumer);
        consumer.start();

        queue.offer(3, new byte[] {'{', '}'}, 2);
        consumer.join(TimeUnit.SECONDS.toMillis(30));

        assertFalse(consumer.isAlive(), "the consumer parked without a time limit and was never woken");
        assertEquals(3, channel[0]);
    }
}
