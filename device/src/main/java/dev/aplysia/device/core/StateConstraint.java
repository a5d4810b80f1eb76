package dev.aplysia.device.core;

/**
 * The values one array of a network's state may hold, as the core declares them (see {@link Network#visitState}).
 * Values the core can never produce, such as a weight beyond its bounds or a negative tick, break it: a
 * snapshot holding them is damaged or forged, and loading it would run the network outside its equations.
 */
@FunctionalInterface
public interface StateConstraint {

    /**
     * Why {@code values} cannot be this array's state, naming the first value at fault as {@code [index] = value},
     * or null when they can. The array has the length of the state it stands for.
     */
    String violation(int[] values);

    /** {@link #violation(int[])} for 16-bit state. */
    default String violation(short[] values) {
        int[] widened = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return violation(widened);
    }
}
