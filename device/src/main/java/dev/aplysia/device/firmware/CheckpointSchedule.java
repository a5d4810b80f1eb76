package dev.aplysia.device.firmware;

/**
 * When the firmware saves its state: every checkpoint interval while saves succeed; after a failed save, again after
 * 1, 2, 4, ... intervals, at most {@link #MAX_BACKOFF_INTERVALS}, so that a read-only or full disk costs one attempt
 * (and one report) per back-off instead of one per sample. A save that succeeds ends the back-off. Allocates nothing.
 */
final class CheckpointSchedule {

    /** The longest wait after failed saves, in checkpoint intervals. */
    static final int MAX_BACKOFF_INTERVALS = 8;

    private final long intervalTicks;
    private long lastAttemptTick;
    private int backoffIntervals = 1;
    private int failuresInARow;

    /** A schedule of one save every {@code intervalTicks} (0: none, only explicit saves). */
    CheckpointSchedule(long intervalTicks) {
        this.intervalTicks = intervalTicks;
    }

    /** Whether a save is due at firmware tick {@code tick}. */
    boolean due(long tick) {
        return intervalTicks > 0 && tick - lastAttemptTick >= intervalTicks * backoffIntervals;
    }

    /** A save succeeded at {@code tick}: the next one is due one interval later. */
    void succeeded(long tick) {
        lastAttemptTick = tick;
        backoffIntervals = 1;
        failuresInARow = 0;
    }

    /** A save failed at {@code tick}; returns the intervals until the next attempt. */
    int failed(long tick) {
        lastAttemptTick = tick;
        failuresInARow++;
        backoffIntervals = failuresInARow == 1 ? 1 : Math.min(2 * backoffIntervals, MAX_BACKOFF_INTERVALS);
        return backoffIntervals;
    }

    /** Saves that failed since the last one that succeeded. */
    int failuresInARow() {
        return failuresInARow;
    }
}
