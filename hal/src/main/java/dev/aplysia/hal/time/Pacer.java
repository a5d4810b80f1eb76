package dev.aplysia.hal.time;

/**
 * Waits until a deadline on the board's {@link Clock}: how a tick loop holds its period. Never fails, because a tick
 * loop has nothing better to do when waiting goes wrong than to carry on.
 */
public interface Pacer {

    /**
     * Returns once the board clock reads at least {@code deadlineNanos}; at once if it already does. Returns early only
     * when the thread is interrupted, leaving its interrupt flag set.
     */
    void sleepUntil(long deadlineNanos);

    /**
     * Lets {@code nanos} of work pass, work the host did faster than the board it stands for would have, and returns
     * the nanoseconds the clock moved for it: on a real clock the work already took its own time, so nothing happens
     * and 0 is returned (the default); a simulated clock moves on by {@code nanos}.
     */
    default long spend(long nanos) {
        return 0;
    }
}
