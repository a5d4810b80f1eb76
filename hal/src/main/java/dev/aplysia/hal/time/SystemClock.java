package dev.aplysia.hal.time;

import java.util.concurrent.locks.LockSupport;

/**
 * The JVM's monotonic clock ({@link System#nanoTime()}), waiting on it by parking the thread, and the host's wall clock
 * ({@link System#currentTimeMillis()}).
 */
public final class SystemClock implements Clock, Pacer, WallClock {

    /** The one instance; it has no state. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
