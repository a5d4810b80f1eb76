package dev.aplysia.hal.sim;

import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;

/**
 * Simulated time, starting at 0 ns and moving only when told to: by {@link #advance}, {@link #advanceTo}, a
 * firmware's {@link #sleepUntil}, which jumps straight to its deadline, or its {@link #spend}, the time its work
 * would have taken on the board.
 *
 * <p>Unpaced, time jumps as fast as the simulation runs. Paced, every move also waits on a real clock until real time
 * has caught up with virtual time divided by the speed factor ({@code speedPercent} 100 is real time, 200 twice as
 * fast). When the simulation runs slower than that, nothing waits and the pacing restarts from the current instant
 * instead of rushing to catch up. Written by one thread; read by any.
 */
public final class VirtualClock implements Clock, Pacer {

    private static final int UNPACED = 0;

    private final Clock realClock;
    private final Pacer realPacer;
    private final int speedPercent;
    private volatile long now;
    private long virtualOrigin;
    private long realOrigin;

    private VirtualClock(Clock realClock, Pacer realPacer, int speedPercent) {
        this.realClock = realClock;
        this.realPacer = realPacer;
        this.speedPercent = speedPercent;
        this.realOrigin = speedPercent == UNPACED ? 0 : realClock.nanos();
    }

    /** A clock that moves as fast as the simulation runs. */
    public static VirtualClock unpaced() {
        return new VirtualClock(null, null, UNPACED);
    }

    /**
     * A clock paced against {@code realClock}, waiting with {@code realPacer} (both usually
     * {@link dev.aplysia.hal.time.SystemClock#INSTANCE}).
     *
     * @param speedPercent how fast virtual time runs relative to real time, in percent; at least 1
     */
    public static VirtualClock paced(Clock realClock, Pacer realPacer, int speedPercent) {
        if (speedPercent < 1) {
            throw new IllegalArgumentException("speedPercent must be at least 1, was " + speedPercent);
        }
        return new VirtualClock(realClock, realPacer, speedPercent);
    }

    @Override
    public long nanos() {
        return now;
    }

    /**
     * Moves time forward by {@code nanos}.
     *
     * @throws IllegalArgumentException when {@code nanos < 0}
     */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go back: advance by " + nanos + " ns");
        }
        moveTo(Math.addExact(now, nanos));
    }

    /** Moves time forward to {@code nanos}; does nothing if the clock is already there or beyond. */
    public void advanceTo(long nanos) {
        if (nanos > now) {
            moveTo(nanos);
        }
    }

    /** Moves time forward by the work's estimated time: a firmware's tick takes the time its MCU would take. */
    @Override
    public long spend(long nanos) {
        advance(nanos);
        return nanos;
    }

    /** Advances to the deadline: a sleeping firmware lets simulated time pass. */
    @Override
    public void sleepUntil(long deadlineNanos) {
        advanceTo(deadlineNanos);
    }

    private void moveTo(long nanos) {
        now = nanos;
        if (speedPercent != UNPACED) {
            pace();
        }
    }

    private void pace() {
        long realDeadline = realOrigin + scaledToReal(now - virtualOrigin);
        long realNow = realClock.nanos();
        if (realNow >= realDeadline) {
            realOrigin = realNow;
            virtualOrigin = now;
            return;
        }
        realPacer.sleepUntil(realDeadline);
    }

    /** {@code virtualNanos * 100 / speedPercent}, rounded down, without overflowing. */
    private long scaledToReal(long virtualNanos) {
        return virtualNanos / speedPercent * 100 + virtualNanos % speedPercent * 100 / speedPercent;
    }
}
