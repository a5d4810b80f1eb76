package dev.aplysia.hal.analog;

import dev.aplysia.hal.HalException;

/** An analog input, read as raw converter counts from 0 to {@link #maxValue()}. */
public interface AnalogInput {

    /** One conversion: 0..{@link #maxValue()} raw counts. */
    int read() throws HalException;

    /** The full-scale count, e.g. 1023 for a 10-bit converter; at least 1. */
    int maxValue();

    /**
     * One conversion mapped linearly onto 0..{@code scale}, rounded down; {@code read() == maxValue()} gives
     * {@code scale}.
     *
     * @param scale the full-scale result, at least 0
     */
    default int readScaled(int scale) throws HalException {
        return (int) ((long) read() * scale / maxValue());
    }
}
