package dev.aplysia.device.plasticity;

import static dev.aplysia.device.plasticity.Rig.pre;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

class ConsolidationTest {

    private static final double SIGNIFICANT = 1;
    private static final double NEUTRAL = 0.02;

    /** Synapse 0 of a consolidating instar (eta 0.2, kappa 0.1, cMax 0.9) learns input 0 under modulator m. */
    private static Rig imprinted(double modulator) {
        Rig rig = new Rig(PlasticityRule.consolidatingInstar(0.2, 0.1, 0.9), 2, 1,
                new TraceSpec(0.5, 0.5, TraceSpec.Mode.ADD), 0, 1, 0.5, 1);
        rig.network.setModulator(modulator);
        for (int t = 0; t < 40; t++) {
            rig.tick(pre(0), 0);
        }
        return rig;
    }

    /** Later learning of input 1 alone under a significant modulator pulls synapse 0 toward 0; returns its loss. */
    private static double overwrittenFraction(Rig rig) {
        double before = rig.weight(0, 0);
        rig.network.resetActivity();
        rig.network.setModulator(SIGNIFICANT);
        for (int t = 0; t < 20; t++) {
            rig.tick(pre(1), 0);
        }
        return (before - rig.weight(0, 0)) / before;
    }

    @Test
    void aSignificantEventConsolidatesMoreThanANeutralOne() {
        double significant = imprinted(SIGNIFICANT).consolidation(0, 0);
        double neutral = imprinted(NEUTRAL).consolidation(0, 0);
        assertTrue(significant > 0.85 && neutral < 0.1, "consolidation " + significant + " vs " + neutral);
    }

    @Test
    void aSynapseConsolidatedByASignificantEventIsOverwrittenLessByLaterLearning() {
        double significant = overwrittenFraction(imprinted(SIGNIFICANT));
        double neutral = overwrittenFraction(imprinted(NEUTRAL));
        assertTrue(significant < neutral / 2, "overwritten " + significant + " vs " + neutral);
    }
}
