package dev.aplysia.hal.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * The changes of one simulated output: for each, the tick (as last passed to {@code beginTick}), the virtual time in
 * nanoseconds and the new value (0/1 for a digital output, duty counts for PWM). Setting the value an output already
 * has is not a change. Storage grows by doubling, so recording allocates only now and then.
 */
public final class OutputHistory {

    private static final int INITIAL_CAPACITY = 256;

    private long[] ticks = new long[INITIAL_CAPACITY];
    private long[] nanos = new long[INITIAL_CAPACITY];
    private int[] values = new int[INITIAL_CAPACITY];
    private int size;

    void record(long tick, long atNanos, int value) {
        if (size == values.length) {
            int capacity = size * 2;
            ticks = Arrays.copyOf(ticks, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        ticks[size] = tick;
        nanos[size] = atNanos;
        values[size] = value;
        size++;
    }

    /** The number of changes. */
    public int size() {
        return size;
    }

    /** The tick of change {@code index} (0-based, oldest first). */
    public long tick(int index) {
        return ticks[checked(index)];
    }

    /** The virtual time of change {@code index}, in nanoseconds. */
    public long nanos(int index) {
        return nanos[checked(index)];
    }

    /** The value set by change {@code index}. */
    public int value(int index) {
        return values[checked(index)];
    }

    private int checked(int index) {
        return Objects.checkIndex(index, size);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append("tick ").append(ticks[i]).append(" @").append(nanos[i])
                    .append("ns=").append(values[i]);
        }
        return text.append(']').toString();
    }
}
