package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PoissonSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Seeded Poisson input populations. Each input is a Bernoulli process with p = rate * dt per tick, so every
 * statistic below has an exact expectation and variance, and each tolerance is 4 standard errors (a chance of 6e-5
 * of failing for a correct generator; the seeds are fixed, so a pass is a pass for good).
 */
class PoissonInputTest {

    private static final int INPUTS = 1000;
    private static final double RATE_HZ = 50;
    private static final double DT_MS = 1;
    private static final double P = RATE_HZ * DT_MS / 1000;

    private static Network poisson(long seed, String... populations) {
        NetworkSpec.Builder spec = NetworkSpec.builder("poisson").seed(seed);
        for (String name : populations) {
            spec.population(PopulationSpec.poisson(name, INPUTS, RATE_HZ, DT_MS, TraceSpec.counter(1)));
        }
        return Network.build(spec.build(), McuProfile.PI_NATIVE);
    }

    /** Each tick's spikes of population "in" over {@code ticks} ticks, as [tick][input]. */
    private static boolean[][] record(Network network, String population, int ticks) {
        boolean[][] spikes = new boolean[ticks][INPUTS];
        for (int t = 0; t < ticks; t++) {
            network.step();
            Spikes s = network.population(population).spikes();
            for (int i = s.next(0); i >= 0; i = s.next(i + 1)) {
                spikes[t][i] = true;
            }
        }
        return spikes;
    }

    @Test
    void theRateIsRateTimesDtPerTickWithinFourBinomialStandardErrors() {
        int ticks = 2000;
        Network network = poisson(1, "in");
        long spikes = 0;
        for (int t = 0; t < ticks; t++) {
            network.step();
            spikes += network.population("in").spikes().count();
        }
        double trials = (double) INPUTS * ticks;
        assertEquals(trials * P, spikes, 4 * Math.sqrt(trials * P * (1 - P)));
    }

    /**
     * The intervals of a Bernoulli process are geometric: coefficient of variation sqrt(1 - p). The sample standard
     * deviation of n geometric intervals has a relative standard error of about sqrt((kurtosis - 1) / 4n), with
     * kurtosis 9 for the exponential limit; the tolerance is 4 of those.
     */
    @Test
    void theIntervalsHaveTheGeometricCoefficientOfVariation() {
        boolean[][] spikes = record(poisson(2, "in"), "in", 4000);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < INPUTS; i++) {
            int last = -1;
            for (int t = 0; t < spikes.length; t++) {
                if (spikes[t][i]) {
                    if (last >= 0) {
                        sum += t - last;
                        squares += (double) (t - last) * (t - last);
                        n++;
                    }
                    last = t;
                }
            }
        }
        double mean = sum / n;
        double cv = Math.sqrt(squares / n - mean * mean) / mean;
        assertEquals(1 / P, mean, 4 * Math.sqrt(1 - P) / P / Math.sqrt(n), "mean interval");
        assertEquals(Math.sqrt(1 - P), cv, 4 * Math.sqrt(8.0 / (4 * n)), "coefficient of variation");
    }

    /**
     * Independent inputs coincide by chance only: neighbours (i, i + 1) spike in the same tick T p^2 times each in
     * expectation, and input i one tick after input i + 1 as often; two Poisson populations of one network (different
     * random lanes) coincide by chance only too.
     */
    @Test
    void inputsAndPopulationsAreIndependent() {
        int ticks = 2000;
        Network network = poisson(3, "a", "b");
        long same = 0;
        long lagged = 0;
        long across = 0;
        boolean[] previous = new boolean[INPUTS];
        for (int t = 0; t < ticks; t++) {
            network.step();
            boolean[] a = bits(network.population("a").spikes());
            boolean[] b = bits(network.population("b").spikes());
            for (int i = 0; i + 1 < INPUTS; i++) {
                same += a[i] && a[i + 1] ? 1 : 0;
                lagged += a[i] && previous[i + 1] ? 1 : 0;
            }
            for (int i = 0; i < INPUTS; i++) {
                across += a[i] && b[i] ? 1 : 0;
            }
            previous = a;
        }
        double pairs = (INPUTS - 1.0) * ticks;
        double p2 = P * P;
        assertEquals(pairs * p2, same, 4 * Math.sqrt(pairs * p2 * (1 - p2)), "same-tick neighbours");
        double laggedPairs = (INPUTS - 1.0) * (ticks - 1);
        assertEquals(laggedPairs * p2, lagged, 4 * Math.sqrt(laggedPairs * p2 * (1 - p2)), "one tick apart");
        double twins = (double) INPUTS * ticks;
        assertEquals(twins * p2, across, 4 * Math.sqrt(twins * p2 * (1 - p2)), "same input of two populations");
    }

    private static boolean[] bits(Spikes spikes) {
        boolean[] bits = new boolean[spikes.size()];
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            bits[i] = true;
        }
        return bits;
    }

    @Test
    void theSameSeedGivesTheSameSpikeTrainsAndAnotherSeedOthers() {
        boolean[][] first = record(poisson(7, "in"), "in", 500);
        boolean[][] again = record(poisson(7, "in"), "in", 500);
        boolean[][] other = record(poisson(8, "in"), "in", 500);
        assertTrue(Arrays.deepEquals(first, again));
        assertFalse(Arrays.deepEquals(first, other));
    }

    @Test
    void resettingActivityKeepsTheSchedule() {
        Network reset = poisson(9, "in");
        Network plain = poisson(9, "in");
        record(reset, "in", 100);
        record(plain, "in", 100);
        reset.resetActivity();
        assertTrue(Arrays.deepEquals(record(plain, "in", 100), record(reset, "in", 100)));
    }

    /**
     * A Poisson input holds a due tick and a list link, 4 bytes each, on top of what any input holds, and the
     * population a timing wheel of 64 buckets (its mean interval, 20 ticks, rounded up to a power of two, at least
     * 64), 4 bytes each.
     */
    @Test
    void theBudgetCountsTheScheduleOfEveryInput() {
        Network poisson = poisson(1, "in");
        Network encoded = Network.build(NetworkSpec.builder("poisson").seed(1)
                .population(PopulationSpec.input("in", INPUTS, TraceSpec.counter(1))).build(), McuProfile.PI_NATIVE);
        assertEquals(INPUTS * (Integer.BYTES + Integer.BYTES) + 64 * Integer.BYTES,
                poisson.budget().neuronBytes() - encoded.budget().neuronBytes());
        assertEquals(encoded.budget().traceBytes(), poisson.budget().traceBytes());
    }

    @Test
    void aRateThatIsNotAProbabilityPerTickIsRejectedNamingThePopulation() {
        for (double rate : new double[] {0, -1, 1000, 2500}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PopulationSpec.poisson("drive", 10, rate, 1, TraceSpec.counter(1)));
            assertTrue(e.getMessage().contains("drive") && e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }

    @Test
    void onlyAnInputPopulationCanBeAPoissonSource() {
        PoissonSpec source = new PoissonSpec(10, 1);
        assertThrows(IllegalArgumentException.class, () -> new PopulationSpec("out", 1, NeuronSpec.lif(1, 1, 0, 0), 0,
                TraceSpec.counter(1), source));
    }
}
