package dev.aplysia.device.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloatNetworkTest {

    /** 3 inputs into 2 neurons, random initial weights from the seeded PRNG. */
    private static Network core(PlasticityRule rule, NeuronSpec neuron) {
        return Network.build(NetworkSpec.builder("twin")
                .population(PopulationSpec.input("in", 3, TraceSpec.exponential(20, 1)))
                .population(PopulationSpec.neurons("out", 2, neuron, 0, TraceSpec.exponential(20, 1)))
                .projection(new ProjectionSpec("in-out", "in", "out", -1, 1, -0.5, 0.5, rule))
                .seed(31).build(), McuProfile.RP2040);
    }

    @Test
    void aTwinStartsFromTheCoresInitialWeights() {
        Network network = core(PlasticityRule.NONE, NeuronSpec.lif(0.5, 1, 0, 0));
        FloatNetwork twin = FloatNetwork.twinOf(network);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(ProjectionSpec.WEIGHT.toReal(network.projection("in-out").weight(i, j)),
                        twin.projection("in-out").weight(i, j));
            }
        }
    }

    @Test
    void aTwinCopiesLearnedStateAndModulator() {
        PlasticityRule rule = PlasticityRule.outstar(0.05)
                .withConsolidation(List.of(Term.of(0.25, Factor.MODULATOR, Factor.PRE_TRACE)), 0.75);
        Network network = core(rule, NeuronSpec.lif(0.5, 1, 0, 0).withAdaptiveThreshold(0.125, 0.5)
                .withExcitability(0.5, 0.0625));
        network.setModulator(0.5);
        network.population("in").spikes().set(1);
        network.population("out").inject(0, 2);
        network.step();
        FloatNetwork twin = FloatNetwork.twinOf(network);
        assertEquals(0.25 * 0.5 * 1, twin.projection("in-out").consolidation(1, 0), "kappa * m * x");
        assertEquals(0.125 * 0.5, twin.population("out").adaptation(0), "one increment, leaked once");
        assertEquals(0.5 - 0.0625, twin.population("out").excitability(0), "one spike's worth spent");
        assertEquals(0.5, twin.modulator());
    }

    @Test
    void theTwinsImpulseResponseHalvesWithoutEverReachingZero() {
        FloatNetwork twin = FloatNetwork.twinOf(core(PlasticityRule.NONE, NeuronSpec.lif(0.5, 10, 0, 0)));
        twin.projection("in-out").setWeight(0, 0, 1);
        twin.population("in").spikes().set(0);
        twin.step();
        twin.population("in").spikes().clear();
        for (int t = 1; t < 40; t++) {
            twin.step();
        }
        assertEquals(Math.scalb(1.0, -39), twin.population("out").membrane(0));
    }

    @Test
    void theTwinAccumulatesSubStepUpdatesExactly() {
        double step = ProjectionSpec.WEIGHT.step();
        PlasticityRule quarterStep = PlasticityRule.weightOnly("quarter-step", List.of(Term.of(0.25 * step)));
        FloatNetwork twin = FloatNetwork.twinOf(core(quarterStep, NeuronSpec.lif(0.5, 10, 0, 0)));
        double before = twin.projection("in-out").weight(0, 0);
        for (int t = 0; t < 4000; t++) {
            twin.step();
        }
        assertEquals(1000 * step, twin.projection("in-out").weight(0, 0) - before, 1e-12);
    }

    @Test
    void theTwinNeitherSaturatesTheModulatorNorFloorsTheBaseline() {
        PlasticityRule rule = PlasticityRule.threeFactor(1, -1, 0.9, 0.01, 2);
        FloatNetwork twin = FloatNetwork.twinOf(core(rule, NeuronSpec.lif(0.5, 1, 0, 0)));
        twin.setModulator(6);
        twin.step();
        twin.step();
        assertEquals(6, twin.modulator());
        assertEquals(6 * (1 - 0.75 * 0.75), twin.projection("in-out").engine().baseline(), 1e-12);
    }
}
