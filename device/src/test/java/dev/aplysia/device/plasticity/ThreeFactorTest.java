package dev.aplysia.device.plasticity;

import static dev.aplysia.device.plasticity.Rig.NONE;
import static dev.aplysia.device.plasticity.Rig.pre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

class ThreeFactorTest {

    /** The eligibility of a causal pair, {@code exp(-1/5)}, leaked once before each of five updates. */
    private static final double DECAYED_ELIGIBILITY_SUM = Math.exp(-0.2) * (0.9 + 0.81 + 0.729 + 0.6561 + 0.59049);

    /** Traces with tau 5 ticks; eligibility {@code +preTrace} on post spikes, {@code -postTrace} on pre spikes. */
    private static Rig rig(double eta, int baselineShift) {
        return new Rig(PlasticityRule.threeFactor(1, -1, 0.9, eta, baselineShift), 1, 1,
                TraceSpec.exponential(5, 1), -1.9, 1.9, 0, 6);
    }

    /** Pre on one tick, post on the next: eligibility {@code exp(-1/5)}. */
    private static void causalPair(Rig rig) {
        rig.tick(pre(0));
        rig.tick(NONE, 0);
    }

    /**
     * After a causal pair (e = exp(-1/5)), a modulator m for 5 ticks moves the weight by
     * {@code eta * m * e * (0.9 + 0.81 + 0.729 + 0.6561 + 0.59049)}: the eligibility leaks before each update.
     */
    private static double weightAfterPairThenModulator(double modulator) {
        Rig rig = rig(0.01, 0);
        causalPair(rig);
        rig.network.setModulator(modulator);
        rig.idle(5);
        return rig.weight(0, 0);
    }

    @Test
    void pairingWithoutModulatorBuildsEligibilityButLeavesTheWeight() {
        Rig rig = rig(0.01, 0);
        for (int k = 0; k < 10; k++) {
            causalPair(rig);
            rig.idle(8);
        }
        causalPair(rig);
        assertEquals(0, rig.weight(0, 0));
        assertTrue(rig.eligibility(0, 0) > 0.5, "eligibility " + rig.eligibility(0, 0));
    }

    @Test
    void rewardAfterACausalPairPotentiates() {
        // five stochastically rounded updates: at most five steps off
        assertEquals(0.01 * DECAYED_ELIGIBILITY_SUM, weightAfterPairThenModulator(1), 5 * Rig.step());
    }

    @Test
    void punishmentAfterACausalPairDepresses() {
        assertEquals(-0.01 * DECAYED_ELIGIBILITY_SUM, weightAfterPairThenModulator(-1), 5 * Rig.step());
    }

    /** Causal pairs every 10 ticks under a constant modulator of 1; weight drift over ticks 1000..2000. */
    private static double lateDrift(int baselineShift) {
        Rig rig = rig(0.0005, baselineShift);
        rig.network.setModulator(1);
        double at1000 = 0;
        for (int t = 0; t < 2000; t++) {
            rig.tick(t % 10 == 0 ? pre(0) : NONE, t % 10 == 1 ? new int[] {0} : NONE);
            if (t == 999) {
                at1000 = rig.weight(0, 0);
            }
        }
        return Math.abs(rig.weight(0, 0) - at1000);
    }

    @Test
    void aBaselineStopsAConstantModulatorFromDriftingTheWeights() {
        double withoutBaseline = lateDrift(0);
        double withBaseline = lateDrift(4);
        assertTrue(withoutBaseline > 0.1, "drift without a baseline " + withoutBaseline);
        assertTrue(withBaseline < withoutBaseline / 20, "drift with a baseline " + withBaseline);
    }
}
