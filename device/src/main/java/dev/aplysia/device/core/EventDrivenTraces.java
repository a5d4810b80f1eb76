package dev.aplysia.device.core;

/**
 * The constants of event-driven traces ({@link dev.aplysia.device.model.TraceSpec#eventDriven()}): a trace read
 * {@code n} ticks after its last write is multiplied by {@code decay^n} in Q30, the rounded product of
 * {@code decay^(n mod 2^LOW_BITS)} from the low table and {@code decay^(2^LOW_BITS (n div 2^LOW_BITS))} from the
 * high table. The tables are computed here once, in double, and are then data: the core and every port of it
 * (the C core's generated tables) read the same integers.
 */
public final class EventDrivenTraces {

    /** Bits of the age that index the low table. */
    public static final int LOW_BITS = 6;
    /** Period of the sweep that retires traces past their horizon. */
    public static final int SWEEP_TICKS = 1 << 20;
    private static final int LOW = 1 << LOW_BITS;
    private static final int Q30 = 30;

    private EventDrivenTraces() {
    }

    /** {@code decay^k} in Q30 for {@code k < 2^LOW_BITS}. */
    public static int[] lowPowers(double decay) {
        return powers(decay, 1, LOW);
    }

    /** {@code decay^(2^LOW_BITS k)} in Q30 for {@code k <= horizon / 2^LOW_BITS}. */
    public static int[] highPowers(double decay, int horizon) {
        return powers(decay, LOW, horizon / LOW + 1);
    }

    /** {@code decay^(step k)} in Q30 for k in [0, count), each from the double power, rounded to nearest. */
    private static int[] powers(double decay, int step, int count) {
        int[] table = new int[count];
        double log = StrictMath.log(decay);
        for (int k = 0; k < count; k++) {
            table[k] = (int) Math.min(1L << Q30, Math.round(StrictMath.exp(log * step * k) * (1L << Q30)));
        }
        return table;
    }
}
