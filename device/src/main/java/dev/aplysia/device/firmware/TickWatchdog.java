package dev.aplysia.device.firmware;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Halts a firmware's outputs ({@link HaltCause#STALL}) when its tick loop stops ticking: a sensor read that never
 * returns, a storage write that hangs, a runaway pause. The loop's only part is {@link FirmwareRunner#heartbeat()}, a
 * counter it moves once per tick; the watchdog looks at it every {@code limit / 5} of wall time on its own thread.
 *
 * <p>Contract: a loop that has not ticked for the whole {@code limit} has been halted by then (give or take the
 * scheduling of the watchdog's own thread); a loop silent for less than 3/5 of it never is. (It halts at the third
 * silent look after the last one that saw a tick, which is 3/5 to 4/5 of the limit after that tick, leaving one look
 * of margin.)
 *
 * <p>The outputs stay halted when the loop ticks again: only {@code cmd/resume} (or a restart) drives them again. A
 * loop that stalled once was blind for that long and may stall again; a robot that restarts its motors by itself,
 * with nobody having looked, is the surprise a halt exists to prevent. The halt is reported on the tick thread as
 * {@code event/halted} with cause {@code stall} once the loop runs again, and at once to the {@link StallListener}.
 */
public final class TickWatchdog implements AutoCloseable {

    /** The default limit: 500 ms of wall time without a tick. */
    public static final long DEFAULT_LIMIT_NANOS = 500_000_000L;
    /** Looks per limit. */
    private static final int LOOKS = 5;
    /** Silent looks after the last tick that halt the outputs. */
    private static final int SILENT_LOOKS = 3;

    /** Told of each stall on the watchdog's thread, so it must be thread-safe (a line on stderr, say). */
    @FunctionalInterface
    public interface StallListener {
        /**
         * The outputs were halted after {@code silentNanos} without a tick.
         *
         * @param failure a safe value that could not be written, or null
         */
        void stalled(long silentNanos, HalException failure);
    }

    private final FirmwareRunner runner;
    private final SafeOutputs outputs;
    private final long lookNanos;
    private final Clock wallClock;
    private final StallListener listener;
    private final AtomicLong stalls = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long lastBeat;
    private long lastChange;
    private boolean halted;

    /**
     * A watchdog over {@code runner} halting {@code outputs}, not yet started.
     *
     * @param limitNanos wall time without a tick after which the outputs are surely halted, at least 5 ns
     * @param wallClock  real time: {@link dev.aplysia.hal.time.SystemClock#INSTANCE}, never a simulated board's clock,
     *                   which stops when the loop does
     */
    public TickWatchdog(FirmwareRunner runner, SafeOutputs outputs, long limitNanos, Clock wallClock,
                        StallListener listener) {
        if (limitNanos < LOOKS) {
            throw new IllegalArgumentException("watchdog limit must be at least " + LOOKS + " ns, got " + limitNanos);
        }
        this.runner = runner;
        this.outputs = outputs;
        this.lookNanos = limitNanos / LOOKS;
        this.wallClock = wallClock;
        this.listener = listener;
        this.lastBeat = runner.heartbeat();
        this.lastChange = wallClock.nanos();
        this.thread = new Thread(this::watch, "aplysia-watchdog");
        thread.setDaemon(true);
    }

    /** Starts looking every {@code limit / 5}, on a daemon thread, until {@link #close()}. */
    public void start() {
        thread.start();
    }

    private void watch() {
        while (!closing) {
            look();
            LockSupport.parkNanos(lookNanos);
        }
    }

    /**
     * One look at the heartbeat at {@code wallClock}'s time; halts the outputs if the loop has been silent for
     * {@value #SILENT_LOOKS} looks. Called by the watchdog's thread, or by a test that moves the clock itself.
     *
     * @return true if this look halted the outputs
     */
    synchronized boolean look() {
        long now = wallClock.nanos();
        long beat = runner.heartbeat();
        if (beat != lastBeat) {
            lastBeat = beat;
            lastChange = now;
            halted = false;
            return false;
        }
        if (halted || now - lastChange < SILENT_LOOKS * lookNanos) {
            return false;
        }
        halted = true;
        stalls.incrementAndGet();
        listener.stalled(now - lastChange, haltOutputs());
        return true;
    }

    private HalException haltOutputs() {
        try {
            outputs.halt(HaltCause.STALL);
            return null;
        } catch (HalException e) {
            return e;
        }
    }

    /** Stalls caught so far. */
    public long stalls() {
        return stalls.get();
    }

    /** Stops looking and waits for the watchdog's thread to end (returns early if this thread is interrupted). */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            if (thread.isAlive()) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
