package dev.aplysia.device.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.fixed.CounterRandom.Stream;
import org.junit.jupiter.api.Test;

class CounterRandomTest {

    /** Pinned against an independent implementation of the documented keys (Python): a C twin must match. */
    @Test
    void drawsArePinned() {
        int key = new CounterRandom(42).key(Stream.ROUNDING, 7, 1);
        assertEquals(0x3957A5B2, CounterRandom.draw(key, 0));
        assertEquals(0x936E1452, CounterRandom.draw(key, 5));
        assertEquals(0x688990C0, CounterRandom.mix(1));
    }

    @Test
    void aDrawDependsOnSeedStreamCounterLaneAndIndexOnly() {
        CounterRandom a = new CounterRandom(1);
        int base = CounterRandom.draw(a.key(Stream.ROUNDING, 100, 0), 5);
        assertEquals(base, CounterRandom.draw(new CounterRandom(1).key(Stream.ROUNDING, 100, 0), 5));
        assertNotEquals(base, CounterRandom.draw(new CounterRandom(2).key(Stream.ROUNDING, 100, 0), 5));
        assertNotEquals(base, CounterRandom.draw(a.key(Stream.POISSON, 100, 0), 5));
        assertNotEquals(base, CounterRandom.draw(a.key(Stream.ROUNDING, 101, 0), 5));
        assertNotEquals(base, CounterRandom.draw(a.key(Stream.ROUNDING, 100, 1), 5));
        assertNotEquals(base, CounterRandom.draw(a.key(Stream.ROUNDING, 100, 0), 6));
        assertNotEquals(base, CounterRandom.draw(a.key(Stream.ROUNDING, 100L + (1L << 32), 0), 5));
    }

    /** 16-bit draws over consecutive indices and ticks are uniform: chi-square over 64 bins, 640,000 draws. */
    @Test
    void sixteenBitDrawsAreUniformOverIndicesAndTicks() {
        CounterRandom random = new CounterRandom(9);
        long[] bins = new long[64];
        int n = 0;
        for (long tick = 0; tick < 1000; tick++) {
            int key = random.key(Stream.ROUNDING, tick);
            for (int s = 0; s < 640; s++) {
                bins[CounterRandom.draw16(key, s) >>> 10]++;
                n++;
            }
        }
        double expected = n / 64.0;
        double chi2 = 0;
        for (long b : bins) {
            chi2 += (b - expected) * (b - expected) / expected;
        }
        assertTrue(chi2 < 120, "chi-square " + chi2 + " over 63 degrees of freedom");
    }

    /** Neighbouring synapses do not draw alike: the correlation of consecutive draws is near zero. */
    @Test
    void consecutiveIndicesAreUncorrelated() {
        int key = new CounterRandom(3).key(Stream.ROUNDING, 12);
        double sxy = 0;
        double sx = 0;
        double sxx = 0;
        int n = 100_000;
        for (int s = 0; s < n; s++) {
            double x = CounterRandom.draw16(key, s) / 65536.0;
            double y = CounterRandom.draw16(key, s + 1) / 65536.0;
            sxy += x * y;
            sx += x;
            sxx += x * x;
        }
        double mean = sx / n;
        double r = (sxy / n - mean * mean) / (sxx / n - mean * mean);
        assertTrue(Math.abs(r) < 0.02, "correlation " + r);
    }

    @Test
    void belowStaysInItsSpan() {
        int key = new CounterRandom(5).key(Stream.INITIALISATION, 0);
        for (int s = 0; s < 10_000; s++) {
            int v = CounterRandom.below(key, s, 7);
            assertTrue(v >= 0 && v < 7, "drew " + v);
        }
    }
}
