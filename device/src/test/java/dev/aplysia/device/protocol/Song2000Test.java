package dev.aplysia.device.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.protocol.Song2000.Run;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full 100 s of Song, Miller and Abbott's protocol on both cores (about two seconds of wall time). The initial
 * weights are uniform, so every bin of the histogram starts with about 1000 / 20 = 50 weights and a tenth of them lie
 * below 0.1 gmax and a tenth above 0.9 gmax; STDP must empty the middle into both ends.
 */
class Song2000Test {

    private static final int SECONDS = 100;

    private static Song2000.Result result;

    @BeforeAll
    static void run() {
        result = Song2000.run(SECONDS, 1, Song2000.Progress.NONE);
    }

    private static List<Run> cores() {
        return List.of(result.fixed(), result.twin());
    }

    /** Both end bins hold more than twice the mean of the middle ten, which started equal to them. */
    @Test
    void theWeightDistributionTurnsUShapedOnBothCores() {
        for (Run run : cores()) {
            List<Integer> h = run.hist20();
            double middle = IntStream.range(5, 15).map(h::get).average().orElseThrow();
            assertTrue(h.get(0) > 2 * middle && h.get(19) > 2 * middle, h.toString());
            assertTrue(run.fractionLow() > 1.5 * Song2000.LOW && run.fractionHigh() > 1.5 * (1 - Song2000.HIGH),
                    "low " + run.fractionLow() + ", high " + run.fractionHigh());
            assertEquals(Song2000.INPUTS, h.stream().mapToInt(Integer::intValue).sum());
        }
    }

    /** The last 10 s are closer to the 15 Hz input rate than the first 10 s, by at least a third of the first gap. */
    @Test
    void theOutputRateFallsTowardTheInputRateOnBothCores() {
        for (Run run : cores()) {
            double firstGap = run.rateFirst10s() - Song2000.RATE_HZ;
            double lastGap = run.rateLast10s() - Song2000.RATE_HZ;
            assertTrue(firstGap > 0 && lastGap < firstGap * 2 / 3,
                    "first 10 s " + run.rateFirst10s() + " Hz, last 10 s " + run.rateLast10s() + " Hz");
        }
    }

    /**
     * The two cores see the same input spikes; their postsynaptic trains part early (a spike one tick apart), after
     * which they are two samples of the same process: the fractions agree within 4 standard errors of the difference
     * of two binomial fractions of 1000 weights, the last rates within 4 of two Poisson counts over 10 s.
     */
    @Test
    void theFixedPointCoreAndItsTwinAgreeWithinSamplingNoise() {
        Run fixed = result.fixed();
        Run twin = result.twin();
        assertEquals(fixed.preEvents(), twin.preEvents());
        for (double[] pair : new double[][] {{fixed.fractionLow(), twin.fractionLow()},
            {fixed.fractionHigh(), twin.fractionHigh()}}) {
            double p = (pair[0] + pair[1]) / 2;
            assertEquals(pair[0], pair[1], 4 * Math.sqrt(2 * p * (1 - p) / Song2000.INPUTS));
        }
        double spikes = (fixed.rateLast10s() + twin.rateLast10s()) / 2 * Song2000.WINDOW_SECONDS;
        assertEquals(fixed.rateLast10s(), twin.rateLast10s(), 4 * Math.sqrt(2 * spikes) / Song2000.WINDOW_SECONDS);
    }

    @Test
    void theInputsFireAtFifteenHertzWithinFourPoissonStandardErrors() {
        double expected = Song2000.INPUTS * Song2000.RATE_HZ * SECONDS;
        assertEquals(expected, result.fixed().preEvents(), 4 * Math.sqrt(expected));
    }

    @Test
    void theTimelineHasAPointEveryTenSeconds() {
        for (Run run : cores()) {
            assertEquals(SECONDS / Song2000.WINDOW_SECONDS, run.timeline().size());
            for (int k = 0; k < run.timeline().size(); k++) {
                assertEquals(Song2000.WINDOW_SECONDS * (k + 1), run.timeline().get(k).timeS());
            }
            assertEquals(run.rateFirst10s(), run.timeline().get(0).rate());
            assertEquals(run.fractionLow(), run.timeline().get(run.timeline().size() - 1).fractionLow());
        }
    }

    @Test
    void aRunOfNoTimeOrLongerThanTheLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Song2000.run(0, 1, Song2000.Progress.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> Song2000.run(Song2000.MAX_SECONDS + 1, 1, Song2000.Progress.NONE));
    }

    @Test
    void aShortRunReportsItsWholeLengthAsBothRateWindows() {
        Song2000.Result shortRun = Song2000.run(3, 2, Song2000.Progress.NONE);
        Run fixed = shortRun.fixed();
        assertEquals(fixed.postSpikes() / 3.0, fixed.rateFirst10s(), 1e-12);
        assertEquals(fixed.rateFirst10s(), fixed.rateLast10s());
        assertEquals(1, fixed.timeline().size());
        assertEquals(3, fixed.timeline().get(0).timeS());
    }
}
