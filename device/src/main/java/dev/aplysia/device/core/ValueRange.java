package dev.aplysia.device.core;

import dev.aplysia.device.fixed.QFormat;

/**
 * The constraint that every value of a state array lies in {@code [min, max]} (raw values).
 *
 * @param meaning what sets the bounds, for messages ("the adaptive threshold's range")
 */
public record ValueRange(String meaning, long min, long max) implements StateConstraint {

    public ValueRange {
        if (min > max) {
            throw new IllegalArgumentException(meaning + ": min " + min + " exceeds max " + max);
        }
    }

    /** Every raw value of {@code format}. */
    public static ValueRange of(QFormat format) {
        return new ValueRange(format.toString(), format.minRaw(), format.maxRaw());
    }

    @Override
    public String violation(int[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < min || values[i] > max) {
                return outside(i, values[i]);
            }
        }
        return null;
    }

    @Override
    public String violation(short[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < min || values[i] > max) {
                return outside(i, values[i]);
            }
        }
        return null;
    }

    private String outside(int index, long value) {
        return "[" + index + "] = " + value + " is outside " + meaning + " (" + min + ".." + max + ")";
    }
}
