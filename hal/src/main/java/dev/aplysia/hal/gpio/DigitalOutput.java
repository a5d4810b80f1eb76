package dev.aplysia.hal.gpio;

import dev.aplysia.hal.HalException;

/** A digital output line that remembers the level it was last set to. */
public interface DigitalOutput {

    /** Drives the line high. */
    void setHigh() throws HalException;

    /** Drives the line low. */
    void setLow() throws HalException;

    /** Whether the line was last set high (before any set: its configured initial level). */
    boolean isSetHigh() throws HalException;

    /** Drives the line high when {@code high}, low otherwise. */
    default void set(boolean high) throws HalException {
        if (high) {
            setHigh();
        } else {
            setLow();
        }
    }

    /** Inverts the level the line was last set to. */
    default void toggle() throws HalException {
        set(!isSetHigh());
    }
}
