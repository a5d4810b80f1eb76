package dev.aplysia.device.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

/** The twin's receptors and Poisson sources. */
class FloatReceptorTest {

    private static final double REVERSAL = 0.5;

    /** 100 Poisson inputs at 100 Hz (1 ms ticks) into a strong conductance toward 0.5 of a neuron that never fires. */
    private static Network core() {
        NeuronSpec neuron = NeuronSpec.lif(0.9, 100, 0, 0).withRest(-0.5)
                .withReceptor(ReceptorSpec.conductance("exc", 5, 1, 0.5, REVERSAL));
        return Network.build(NetworkSpec.builder("twin-receptor")
                .population(PopulationSpec.poisson("in", 100, 100, 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(new ProjectionSpec("in-out", "in", "out", 0, 1, 0, 1, PlasticityRule.NONE)
                        .withReceptor("exc"))
                .seed(4).build(), McuProfile.RP2040);
    }

    @Test
    void theTwinReceivesTheCoresPoissonSpikeTrains() {
        Network network = core();
        FloatNetwork twin = FloatNetwork.twinOf(network);
        for (int t = 0; t < 2000; t++) {
            network.step();
            twin.step();
            for (int i = 0; i < 100; i++) {
                assertEquals(network.population("in").spikes().get(i), twin.population("in").spikes().get(i),
                        "tick " + t + " input " + i);
            }
        }
    }

    @Test
    void theTwinsConductanceNeverPushesTheMembranePastItsReversalPotential() {
        FloatNetwork twin = FloatNetwork.twinOf(core());
        double highest = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 2000; t++) {
            twin.step();
            highest = Math.max(highest, twin.population("out").membrane(0));
            assertTrue(twin.population("out").membrane(0) <= REVERSAL, "tick " + t);
        }
        assertEquals(REVERSAL, highest, 1e-3, "the drive saturates close to the reversal potential");
    }
}
