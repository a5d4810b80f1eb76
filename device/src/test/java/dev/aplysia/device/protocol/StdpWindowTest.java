package dev.aplysia.device.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.protocol.StdpWindow.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pair-STDP window on the core against its float twin and the exact exponentials.
 *
 * <p>Why one step: the core evaluates {@code A * trace} with 16 fraction bits below a weight step and then rounds
 * stochastically: up with probability equal to the discarded fraction, else down. A single pair therefore lands on
 * one of the two steps either side of the exact change (never further), so one pair is off by less than one step;
 * only the mean over many independent roundings converges to the exact value. On top of that, the traces the core
 * multiplies are not exact: the Q16 decay {@code exp(-1/20)} is 3.7e-6 off per tick (at most 3.7e-4 relative after
 * 100 ticks) and the Q7.24 trace is read as a Q15 factor (half a step, 1.5e-5 absolute). The allowance
 * {@code |A| (1e-3 exp(-|dt|/tau) + 2^-16)} covers both with room.
 */
class StdpWindowTest {

    private static final double STEP = ProjectionSpec.WEIGHT.step();

    private static StdpWindow.Result window;

    @BeforeAll
    static void run() {
        window = StdpWindow.run(1);
    }

    private static double amplitude(int dtMs) {
        return Math.abs(dtMs >= 0 ? StdpWindow.A_PLUS : StdpWindow.A_MINUS);
    }

    private static double traceAllowance(int dtMs) {
        return amplitude(dtMs) * (1e-3 * Math.exp(-Math.abs(dtMs) / StdpWindow.TAU_MS) + Math.scalb(1.0, -16));
    }

    @Test
    void theWindowHasOnePointPerMillisecondFromMinusToPlusOneHundred() {
        assertEquals(201, window.points().size());
        assertEquals(-100, window.points().get(0).dtMs());
        assertEquals(100, window.points().get(200).dtMs());
    }

    @Test
    void theTwinFollowsTheExactExponentials() {
        for (Point p : window.points()) {
            assertEquals(StdpWindow.exact(p.dtMs()), p.dwFloat(), 1e-12, "dt = " + p.dtMs());
        }
    }

    @Test
    void everyCorePointIsWithinOneWeightStepPlusTraceAllowanceOfTheTwin() {
        for (Point p : window.points()) {
            assertEquals(p.dwFloat(), p.dw(), STEP + traceAllowance(p.dtMs()), "dt = " + p.dtMs());
        }
    }

    @Test
    void coincidentSpikesCountAsCausal() {
        Point zero = window.points().get(100);
        assertEquals(0, zero.dtMs());
        assertEquals(StdpWindow.A_PLUS, zero.dw(), STEP);
    }

    @Test
    void everyCausalPairPotentiatesAndEveryAntiCausalPairDepresses() {
        for (Point p : window.points()) {
            assertTrue(p.dtMs() >= 0 ? p.dw() > 0 : p.dw() < 0, "dt = " + p.dtMs() + " dw = " + p.dw());
        }
    }

    /**
     * 64 seeds: the standard deviation of a mean of 64 roundings is at most half a step / 8; a quarter of a step is
     * four of those, so a biased rounding (nearest, or truncation) would fail here while a single pair cannot.
     */
    @Test
    void theMeanOverManySeedsApproachesTheExactChange() {
        int seeds = 64;
        double[] sum = new double[201];
        for (int seed = 1; seed <= seeds; seed++) {
            StdpWindow.Result r = StdpWindow.run(seed);
            for (int k = 0; k < 201; k++) {
                sum[k] += r.points().get(k).dw();
            }
        }
        for (int k = 0; k < 201; k++) {
            Point p = window.points().get(k);
            assertEquals(p.dwFloat(), sum[k] / seeds, STEP / 4 + traceAllowance(p.dtMs()), "dt = " + p.dtMs());
        }
    }
}
