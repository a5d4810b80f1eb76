package dev.aplysia.device.fixed;

/**
 * Inter-spike intervals of an input that fires with probability {@code p} per tick: geometric on 1, 2, 3, ... with
 * {@code P(k) = (1 - p)^(k-1) p} and mean {@code 1 / p} (the discrete-time exponential), drawn by inversion from 32
 * random bits in integer arithmetic only:
 * <pre>
 *   u = (bits + 1) / 2^32                          uniform on (0, 1], bits unsigned
 *   L = -log2(u) = 32 - log2(bits + 1)             Q16, by {@link Fx#log2Q16}; 0 &lt;= L &lt;= 32
 *   k = min(2^30, 1 + floor(L * c))                c = 1 / -log2(1 - p), held in Q16
 * </pre>
 * Exact inversion gives {@code P(k > n) = P(L >= n / c) = 2^(-n / c) = (1 - p)^n}. {@code L} is exact or up to
 * 2^-15 high ({@link Fx#log2Q16} is one step low at most), which raises every tail probability, and so the mean, by
 * a relative {@code 2^(2^-15) - 1}, about 2e-5, at most; the Q16 {@code c} moves the exponent by a relative
 * {@code 2^-17 / c}, less still. {@code c} is the one constant computed in floating point, once, when the source
 * is built; {@code p >= 2^-26} keeps {@code c < 2^26}, so {@code L * c < 2^21 * 2^42} fits a long, and the clamp at
 * {@code 2^30} ticks cuts a tail of probability {@code (1 - p)^(2^30) < e^-16}.
 */
public final class GeometricIntervals {

    /** The longest interval, ticks. */
    public static final int MAX_INTERVAL = 1 << 30;
    /** The smallest spike probability per tick: {@code 2^-26}. */
    public static final double MIN_PROBABILITY = 0x1p-26;

    private static final int FRACTION = 16;
    private static final long BITS_LOG2 = 32L << FRACTION;

    private final long scaleQ16;

    /** Intervals at spike probability {@code p} per tick, {@code MIN_PROBABILITY <= p < 1}. */
    public GeometricIntervals(double p) {
        if (!(p >= MIN_PROBABILITY && p < 1)) {
            throw new IllegalArgumentException("spike probability per tick must be in [2^-26, 1), got " + p);
        }
        this.scaleQ16 = Math.round(-Math.log(2) / Math.log1p(-p) * (1 << FRACTION));
    }

    /** {@code c = 1 / -log2(1 - p)} in Q16: the one constant of the inversion, computed once in floating point. */
    public long scaleQ16() {
        return scaleQ16;
    }

    /** The interval, in ticks (1 .. {@link #MAX_INTERVAL}), drawn from 32 uniformly random bits. */
    public int next(int randomBits) {
        long minusLog2 = BITS_LOG2 - Fx.log2Q16((randomBits & 0xFFFF_FFFFL) + 1);
        long ticks = 1 + ((minusLog2 * scaleQ16) >>> (2 * FRACTION));
        return (int) Math.min(MAX_INTERVAL, ticks);
    }
}
