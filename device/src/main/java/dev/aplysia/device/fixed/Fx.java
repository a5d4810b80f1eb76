package dev.aplysia.device.fixed;

/**
 * The only home of rounding, saturation, wrap and widening in the device core.
 *
 * <p>Conventions used everywhere: products are widened to {@code long} before shifting; a "Q15 factor" is a signed
 * value where {@code 1 << 15} means 1.0; a "Q16 decay" is an unsigned multiplier where {@code 1 << 16} means 1.0.
 */
public final class Fx {

    /** 1.0 as a Q15 factor. */
    public static final int ONE_Q15 = 1 << 15;
    /** 1.0 as a Q16 decay multiplier. */
    public static final int ONE_Q16 = 1 << 16;
    /** 1.0 as a Q30 factor (a receptor's gain and a conductance's fraction of the driving force). */
    public static final int ONE_Q30 = 1 << 30;

    /** Fraction bits of {@link #log2Q16}. */
    private static final int LOG_FRACTION = 16;
    /** The mantissa of {@link #log2Q16}, in [1, 2) as Q1.30: its square stays below 2^62. */
    private static final int MANTISSA_FRACTION = 30;

    /** floor(sqrt(Long.MAX_VALUE)): the square of the next integer overflows a long. */
    private static final long MAX_ROOT = 3_037_000_499L;

    private Fx() {
    }

    /** Clamps {@code value} to the signed range of {@code bits} bits (2..63). */
    public static long saturate(long value, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        return value > max ? max : Math.max(value, min);
    }

    /** Clamps {@code value} to {@code [min, max]}. */
    public static int clamp(long value, int min, int max) {
        return (int) (value > max ? max : Math.max(value, min));
    }

    /** Keeps the low {@code bits} bits of {@code value}, sign-extended (two's complement wrap). */
    public static long wrap(long value, int bits) {
        int unused = 64 - bits;
        return (value << unused) >> unused;
    }

    /** {@code value / 2^shift} rounded to nearest, ties toward +infinity (add half, arithmetic shift). */
    public static long shiftRound(long value, int shift) {
        if (shift == 0) {
            return value;
        }
        return (value + (1L << (shift - 1))) >> shift;
    }

    /** {@code a * b / 2^15} rounded to nearest: the product of two Q15 factors (or of any value and a Q15 factor). */
    public static long mulQ15(long a, long b) {
        return shiftRound(a * b, 15);
    }

    /**
     * {@code a * b / 2^30} rounded to nearest: the product of a Q30 factor and a value. The caller keeps
     * {@code |a * b| < 2^63} (a Q30 factor of at most 2 times a 32-bit value always does).
     */
    public static long mulQ30(long a, long b) {
        return shiftRound(a * b, 30);
    }

    /**
     * {@code log2(x)} with 16 fraction bits, for {@code x >= 1}, in integer arithmetic only: the integer part from the
     * count of leading zeros, then each fraction bit by squaring the mantissa (normalised to [1, 2) in Q1.30): a
     * square of 2 or more is a 1 bit, and is halved. Every square is truncated, so the result is at most the exact
     * {@code floor(log2(x) * 2^16)} and at most one step below it.
     */
    public static int log2Q16(long x) {
        if (x < 1) {
            throw new IllegalArgumentException("log2 of " + x + " < 1");
        }
        int whole = 63 - Long.numberOfLeadingZeros(x);
        long mantissa = whole >= MANTISSA_FRACTION ? x >>> (whole - MANTISSA_FRACTION)
                : x << (MANTISSA_FRACTION - whole);
        int fraction = 0;
        for (int bit = LOG_FRACTION - 1; bit >= 0; bit--) {
            mantissa = (mantissa * mantissa) >>> MANTISSA_FRACTION;
            if (mantissa >= 2L << MANTISSA_FRACTION) {
                fraction |= 1 << bit;
                mantissa >>>= 1;
            }
        }
        return whole << LOG_FRACTION | fraction;
    }

    /**
     * Leak by multiply-shift: {@code value * decayQ16 / 2^16}, rounded toward zero, so a leak never increases the
     * magnitude of a value and a constant input can never push a neuron past its exact steady state.
     */
    public static long decayTowardZero(long value, int decayQ16) {
        long product = value * decayQ16;
        return product >= 0 ? product >> 16 : -((-product) >> 16);
    }

    /**
     * {@link #decayTowardZero(long, int)} of a 32-bit value by a multiplier in {@code [0, 2^16]}, equal for every
     * input, in 32-bit operations only, so a loop of it vectorises and a microcontroller needs no 64-bit multiply:
     * the magnitude is split into its high and low 16 bits, {@code |x| * d >> 16 = hi * d + (lo * d >>> 16)}
     * exactly (the high product stays below {@code 2^31}, the low one below {@code 2^32}, read unsigned; the one
     * overflow, {@code MIN_VALUE} times 1.0, wraps back to {@code MIN_VALUE}).
     */
    public static int decayTowardZero(int value, int decayQ16) {
        int sign = value >> 31;
        int magnitude = (value ^ sign) - sign;
        int scaled = (magnitude >>> 16) * decayQ16 + (((magnitude & 0xFFFF) * decayQ16) >>> 16);
        return (scaled ^ sign) - sign;
    }

    /**
     * {@code value / 2^shift} rounded stochastically: down, or up with probability equal to the discarded fraction,
     * so the expectation is exact and updates smaller than one step are not lost.
     *
     * @param random16 16 uniformly random bits (0..65535), a {@link CounterRandom} draw
     */
    public static long stochasticShift(long value, int shift, int random16) {
        long floor = value >> shift;
        long fraction = value - (floor << shift);
        long threshold = shift >= 16 ? ((long) random16) << (shift - 16) : (random16 >> (16 - shift));
        return fraction > threshold ? floor + 1 : floor;
    }

    /** Integer square root: the largest {@code r} with {@code r*r <= value}, for {@code value >= 0}. */
    public static long isqrt(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("isqrt of negative value " + value);
        }
        long r = (long) Math.sqrt((double) value);
        while (r * r > value) {
            r--;
        }
        while (r < MAX_ROOT && (r + 1) * (r + 1) <= value) {
            r++;
        }
        return r;
    }

    /** Converts a real number to fixed point with {@code fraction} fraction bits, rounding to nearest. */
    public static long toFixed(double real, int fraction) {
        return Math.round(real * (1L << fraction));
    }

    /** Converts a real decay factor in [0, 1] to a Q16 multiplier (1.0 becomes {@code 1 << 16}). */
    public static int decayQ16(double decay) {
        if (!(decay >= 0.0 && decay <= 1.0)) {
            throw new IllegalArgumentException("decay must be in [0, 1], got " + decay);
        }
        return (int) Math.round(decay * ONE_Q16);
    }
}
