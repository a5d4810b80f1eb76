package dev.aplysia.hal.time;

import java.util.concurrent.locks.LockSupport;

/** The JVM's monotonic clock ({@link System#nanoTime()}), and waiting on it by parking the thread. */
public final class SystemClock implements Clock, Pacer {

    /** The one instance; it has no state. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanos() {
        return System.nanoTime();
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
