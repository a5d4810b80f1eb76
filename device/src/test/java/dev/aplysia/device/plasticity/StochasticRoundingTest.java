package dev.aplysia.device.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class StochasticRoundingTest {

    /** A rule whose only term is a constant quarter of a weight step, every tick. */
    private static PlasticityRule quarterStepPerTick(boolean stochastic) {
        return PlasticityRule.weightOnly("quarter-step", List.of(Term.of(0.25 * Rig.step())))
                .withStochasticRounding(stochastic);
    }

    private static double stepsAfter4000Ticks(boolean stochastic) {
        Rig rig = new Rig(quarterStepPerTick(stochastic), 1, 1, TraceSpec.counter(1), -1, 1, 0, 12);
        rig.idle(4000);
        return rig.weight(0, 0) / Rig.step();
    }

    @Test
    void subStepUpdatesAccumulateInExpectationUnderStochasticRounding() {
        // 4000 Bernoulli(1/4) steps: mean 1000, standard deviation 27
        assertEquals(1000, stepsAfter4000Ticks(true), 5 * 27);
    }

    @Test
    void roundingToNearestLosesSubStepUpdates() {
        assertEquals(0, stepsAfter4000Ticks(false));
    }
}
