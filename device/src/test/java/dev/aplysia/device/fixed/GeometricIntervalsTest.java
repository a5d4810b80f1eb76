package dev.aplysia.device.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The integer logarithm and the geometric intervals drawn with it. */
class GeometricIntervalsTest {

    private static final int DRAWS = 1_000_000;

    /** Exact {@code floor(log2(x) * 2^16)}, from doubles (exact enough away from the 2^-16 grid's points). */
    private static long exactLog2Q16(long x) {
        return (long) Math.floor(Math.log(x) / Math.log(2) * 65536);
    }

    @Test
    void theIntegerLog2IsExactOrOneStepBelowOverTheWholeRange() {
        CounterRandom random = new CounterRandom(3);
        int key = random.key(CounterRandom.Stream.POISSON, 0);
        for (int i = 0; i < DRAWS; i++) {
            long x = (CounterRandom.draw(key, i) & 0xFFFF_FFFFL) + 1;
            long error = exactLog2Q16(x) - Fx.log2Q16(x);
            assertTrue(error == 0 || error == 1, "log2(" + x + "): " + error + " steps below");
        }
        for (long x : new long[] {1, 2, 3, 1L << 31, (1L << 32) - 1, 1L << 32, Long.MAX_VALUE}) {
            long error = exactLog2Q16(x) - Fx.log2Q16(x);
            assertTrue(error == 0 || error == 1, "log2(" + x + "): " + error + " steps below");
        }
        assertEquals(0, Fx.log2Q16(1));
        assertEquals(32 << 16, Fx.log2Q16(1L << 32));
    }

    @Test
    void theIntegerLog2RejectsValuesBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Fx.log2Q16(0));
    }

    /**
     * A million intervals at each probability: the mean of a geometric is 1/p and its standard deviation
     * sqrt(1 - p)/p, so the sample mean is within 4 standard errors of 1/p but for a chance of 6e-5.
     */
    @Test
    void theMeanIntervalIsOneOverP() {
        for (double p : new double[] {0.0015, 0.05, 0.5, 0.99}) {
            GeometricIntervals intervals = new GeometricIntervals(p);
            int key = new CounterRandom(11).key(CounterRandom.Stream.POISSON, 0);
            double sum = 0;
            for (int i = 0; i < DRAWS; i++) {
                sum += intervals.next(CounterRandom.draw(key, i));
            }
            double standardError = Math.sqrt(1 - p) / p / Math.sqrt(DRAWS);
            assertEquals(1 / p, sum / DRAWS, 4 * standardError, "p = " + p);
        }
    }

    /** P(k > n) = (1 - p)^n, within 4 binomial standard errors, at the mean and far in the tail. */
    @Test
    void theTailFollowsTheGeometricDistribution() {
        double p = 0.01;
        GeometricIntervals intervals = new GeometricIntervals(p);
        int key = new CounterRandom(5).key(CounterRandom.Stream.POISSON, 1);
        int[] thresholds = {1, 10, 100, 500};
        int[] beyond = new int[thresholds.length];
        for (int i = 0; i < DRAWS; i++) {
            int k = intervals.next(CounterRandom.draw(key, i));
            for (int t = 0; t < thresholds.length; t++) {
                beyond[t] += k > thresholds[t] ? 1 : 0;
            }
        }
        for (int t = 0; t < thresholds.length; t++) {
            double expected = Math.pow(1 - p, thresholds[t]);
            double standardError = Math.sqrt(expected * (1 - expected) / DRAWS);
            assertEquals(expected, beyond[t] / (double) DRAWS, 4 * standardError, "P(k > " + thresholds[t] + ")");
        }
    }

    @Test
    void theExtremeDrawsGiveOneTickAndTheLongestInterval() {
        GeometricIntervals intervals = new GeometricIntervals(0.0015);
        assertEquals(1, intervals.next(-1), "u = 1");
        double c = -Math.log(2) / Math.log1p(-0.0015);
        assertEquals(1 + (long) Math.floor(32 * c), intervals.next(0), 1, "u = 2^-32: 32 c ticks");
        assertEquals(GeometricIntervals.MAX_INTERVAL, new GeometricIntervals(GeometricIntervals.MIN_PROBABILITY)
                .next(0), "clamped to 2^30");
    }

    @Test
    void aProbabilityOutsideItsRangeIsRejected() {
        for (double p : new double[] {0, 1, -0.5, 1.5, Double.NaN, GeometricIntervals.MIN_PROBABILITY / 2}) {
            assertThrows(IllegalArgumentException.class, () -> new GeometricIntervals(p), "p = " + p);
        }
    }
}
