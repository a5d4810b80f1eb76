package dev.aplysia.device.plasticity;

import static dev.aplysia.device.plasticity.Rig.NONE;
import static dev.aplysia.device.plasticity.Rig.pre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

class StdpTest {

    private static final TraceSpec TRACE = TraceSpec.exponential(20, 1);
    private static final double ONE_TICK = Math.exp(-1 / 20.0);

    /** Two synapses from weights 0.2 and 0.8 in [0, 1], multiplicative STDP rounded to nearest. */
    private static Rig softBounded() {
        Rig rig = new Rig(PlasticityRule.stdpMultiplicative(0.01, -0.0105).withStochasticRounding(false), 2, 1,
                TRACE, 0, 1, 0.5, 1);
        rig.setWeight(0, 0, 0.2);
        rig.setWeight(1, 0, 0.8);
        return rig;
    }

    @Test
    void multiplicativePotentiationScalesWithTheHeadroomBelowWMax() {
        Rig rig = softBounded();
        rig.tick(pre(0, 1));
        rig.tick(NONE, 0);
        assertEquals(0.2 + 0.01 * ONE_TICK * 0.8, rig.weight(0, 0), Rig.step());
        assertEquals(0.8 + 0.01 * ONE_TICK * 0.2, rig.weight(1, 0), Rig.step());
    }

    @Test
    void multiplicativeDepressionScalesWithTheFloorAboveWMin() {
        Rig rig = softBounded();
        rig.tick(NONE, 0);
        rig.tick(pre(0, 1));
        assertEquals(0.2 - 0.0105 * ONE_TICK * 0.2, rig.weight(0, 0), Rig.step());
        assertEquals(0.8 - 0.0105 * ONE_TICK * 0.8, rig.weight(1, 0), Rig.step());
    }

    /**
     * 300 cycles of 40 ticks: pre at 0, post at 5 (causal), pre again at 20 (anti-causal); net drift per cycle is
     * positive for additive STDP. Returns the weight right after the last cycle's potentiation.
     */
    private static double afterPairingCycles(PlasticityRule rule, double initial) {
        Rig rig = new Rig(rule, 1, 1, TRACE, 0, 1, initial, 3);
        for (int t = 0; t < 299 * 40 + 6; t++) {
            int phase = t % 40;
            rig.tick(phase == 0 || phase == 20 ? pre(0) : NONE, phase == 5 ? new int[] {0} : NONE);
        }
        return rig.weight(0, 0);
    }

    @Test
    void multiplicativeStdpSettlesAtOneInteriorWeightFromEitherEnd() {
        PlasticityRule rule = PlasticityRule.stdpMultiplicative(0.05, -0.05);
        double fromBelow = afterPairingCycles(rule, 0.05);
        double fromAbove = afterPairingCycles(rule, 0.95);
        assertEquals(fromBelow, fromAbove, 0.01);
        assertTrue(fromBelow > 0.1 && fromBelow < 0.9, "settled at " + fromBelow);
    }

    @Test
    void additiveStdpUnderTheSameProtocolRunsIntoTheHardBound() {
        PlasticityRule rule = PlasticityRule.stdpAdditive(0.05, -0.05);
        double fromBelow = afterPairingCycles(rule, 0.05);
        double fromAbove = afterPairingCycles(rule, 0.95);
        assertEquals(1.0, fromBelow);
        assertEquals(1.0, fromAbove);
    }
}
