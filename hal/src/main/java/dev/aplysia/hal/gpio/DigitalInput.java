package dev.aplysia.hal.gpio;

import dev.aplysia.hal.HalException;

/**
 * A digital input line. Levels are electrical: with a pull-up and a button to ground, a press reads low.
 *
 * <p>Edges are counted, not called back: the implementation counts transitions as they happen (on hardware, from the
 * driver's interrupt thread) and a tick loop collects the counts with {@link #pollRisingEdges()} and
 * {@link #pollFallingEdges()}. Polling allocates nothing and catches pulses shorter than a tick.
 */
public interface DigitalInput {

    /** Whether the line is high now. */
    boolean isHigh() throws HalException;

    /** Whether the line is low now. */
    default boolean isLow() throws HalException {
        return !isHigh();
    }

    /**
     * The number of low-to-high transitions since the previous call (since the channel was opened, on the first call),
     * saturating at {@link Integer#MAX_VALUE}; resets the count to 0.
     */
    int pollRisingEdges() throws HalException;

    /**
     * The number of high-to-low transitions since the previous call (since the channel was opened, on the first call),
     * saturating at {@link Integer#MAX_VALUE}; resets the count to 0.
     */
    int pollFallingEdges() throws HalException;
}
