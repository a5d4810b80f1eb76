package dev.aplysia.device.fixed;

/**
 * A signed fixed-point format: {@code bits} total bits (sign included), {@code fraction} of them after the binary
 * point, and what happens on overflow. {@code Q(16, 14, SATURATE)} is "Q1.14 in a short, saturating".
 */
public record QFormat(String name, int bits, int fraction, Overflow overflow) {

    public QFormat {
        if (bits < 2 || bits > 63 || fraction < 0 || fraction >= bits + 16) {
            throw new IllegalArgumentException("bad Q format " + name + ": bits=" + bits + " fraction=" + fraction);
        }
    }

    /** Largest raw value. */
    public long maxRaw() {
        return (1L << (bits - 1)) - 1;
    }

    /** Smallest raw value. */
    public long minRaw() {
        return -(1L << (bits - 1));
    }

    /** Brings a raw result back into range by this format's overflow rule. */
    public long fit(long raw) {
        return overflow == Overflow.SATURATE ? Fx.saturate(raw, bits) : Fx.wrap(raw, bits);
    }

    /** The raw value nearest to {@code real}, fitted into range. */
    public long toRaw(double real) {
        return fit(Fx.toFixed(real, fraction));
    }

    /** The real value of a raw value. */
    public double toReal(long raw) {
        return raw / (double) (1L << fraction);
    }

    /** One least-significant step, as a real number. */
    public double step() {
        return 1.0 / (1L << fraction);
    }

    /** Bytes one value occupies in memory (8, 16 or 32 bit containers). */
    public int containerBytes() {
        return bits <= 8 ? 1 : bits <= 16 ? 2 : bits <= 32 ? 4 : 8;
    }

    @Override
    public String toString() {
        return name + " Q" + (bits - 1 - fraction) + "." + fraction + " in " + bits + " bits, "
                + overflow.name().toLowerCase(java.util.Locale.ROOT);
    }
}
