package dev.aplysia.device.firmware;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The distribution of the ticks' estimated MCU time as a share of the tick period, in basis points (1/100 of a
 * percent) up to 1000 periods, in an HdrHistogram of 3 significant digits (allocation-free to record). Written by the
 * tick thread; read between runs or from that thread.
 */
public final class TickUtilisation {

    private static final long BASIS_POINTS = 10_000;
    private static final long HIGHEST = 1000 * BASIS_POINTS;

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    /** Records one tick that used {@code cycles} of a period of {@code periodCycles}. */
    void record(long cycles, long periodCycles) {
        long basisPoints = Math.min(HIGHEST, (cycles * BASIS_POINTS + periodCycles - 1) / periodCycles);
        histogram.recordValue(basisPoints);
    }

    /** Ticks recorded. */
    public long ticks() {
        return histogram.getTotalCount();
    }

    /** The busiest tick's share of its period (1.0 = the whole period; 0 before any tick). */
    public double peak() {
        return histogram.getMaxValue() / (double) BASIS_POINTS;
    }

    /** The 99th percentile of the ticks' shares of their period. */
    public double p99() {
        return histogram.getValueAtPercentile(99) / (double) BASIS_POINTS;
    }

    /** Ticks whose estimate exceeded their period: overruns. */
    public long overruns() {
        return histogram.getCountBetweenValues(BASIS_POINTS + 1, HIGHEST);
    }

    /** The mean share. */
    public double mean() {
        return histogram.getMean() / BASIS_POINTS;
    }

    /** "peak P %, p99 Q %, mean M %" of the period. */
    public String describe() {
        return String.format(Locale.ROOT, "peak %.1f %%, p99 %.1f %%, mean %.1f %%", 100 * peak(), 100 * p99(),
                100 * mean());
    }
}
