package dev.aplysia.host.watch;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The messages waiting for one open page, bounded: a page that falls {@value #CAPACITY} messages behind is cut off
 * (its event source reconnects and gets the recent history again) rather than holding the collectors up.
 */
final class PageStream {

    static final int CAPACITY = 4096;

    private final BlockingQueue<String> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean overflowed;

    /** Queues {@code message}, or marks the stream overflowed if the page is too far behind. Never blocks. */
    void offer(String message) {
        if (!waiting.offer(message)) {
            overflowed = true;
        }
    }

    /** The next message, or null if none came within {@code patience}. */
    String next(Duration patience) throws InterruptedException {
        return waiting.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once a message could not be queued: the page must start again. */
    boolean overflowed() {
        return overflowed;
    }
}
