package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

/** Receptors (decaying synaptic variables, current- or conductance-based) and the resting potential. */
class ReceptorTest {

    private static final QFormat M = NeuronSpec.MEMBRANE;
    private static final QFormat G = ReceptorSpec.G;

    /** {@code inputs} inputs feeding receptor "r" of one neuron "out" through weight {@code weight}. */
    private static Network receptorNetwork(NeuronSpec neuron, int inputs, double wMin, double wMax, double weight) {
        return Network.build(NetworkSpec.builder("receptor")
                .population(PopulationSpec.input("in", inputs, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", wMin, wMax, weight, PlasticityRule.NONE)
                        .withReceptor("r"))
                .build(), McuProfile.RP2040);
    }

    private static void fire(Network network, boolean allInputs) {
        Spikes spikes = network.population("in").spikes();
        spikes.clear();
        for (int i = 0; allInputs && i < spikes.size(); i++) {
            spikes.set(i);
        }
    }

    /**
     * One spike of weight 1 into a 5 ms receptor at 0.1 ms ticks: after n ticks g is {@code exp(-n dt / tau)}, up to
     * the leak's rounding toward zero (less than one step a tick, so less than {@code 1 / (1 - d)} steps in all) and
     * the Q16 decay's quantisation ({@code n |dQ16 - d| max(d, dQ16)^(n-1)}).
     */
    /**
     * A receptor's variable carries over from tick to tick, so one tick's bounded sum does not bound it: 200 inputs of
     * weight 1.99 spiking every tick into a receptor of 1000 ms (at 1 ms ticks) add about 2.6e7 raw a tick and would
     * pass 2^31 after some 90 ticks. It must saturate there, never wrap to a negative conductance.
     */
    @Test
    void aReceptorFedEveryTickSaturatesInsteadOfWrapping() {
        NeuronSpec neuron = NeuronSpec.lif(0.5, 100, 0, 0)
                .withReceptor(ReceptorSpec.current("r", 1000, 1, 0.0));
        Network network = receptorNetwork(neuron, 200, 0, 1.99, 1.99);
        int lowest = Integer.MAX_VALUE;
        for (int t = 0; t < 400; t++) {
            fire(network, true);
            network.step();
            lowest = Math.min(lowest, network.population("out").receptor(0, 0));
        }
        assertTrue(lowest >= 0, "the conductance wrapped to " + lowest);
        assertEquals(Integer.MAX_VALUE, network.population("out").receptor(0, 0));
    }

    @Test
    void aReceptorDecaysAsTheAnalyticExponential() {
        double decay = Math.exp(-0.1 / 5);
        double quantised = Fx.decayQ16(decay) / (double) Fx.ONE_Q16;
        Network network = receptorNetwork(NeuronSpec.lif(1, 100, 0, 0)
                .withReceptor(ReceptorSpec.current("r", 5, 0.1, 0)), 1, 0, 1, 1);
        fire(network, true);
        network.step();
        fire(network, false);
        for (int n = 0; n <= 400; n++) {
            double g = G.toReal(network.population("out").receptor(0, 0));
            double allowance = G.step() / (1 - quantised)
                    + n * Math.abs(quantised - decay) * Math.pow(Math.max(decay, quantised), n - 1);
            assertEquals(Math.exp(-n * 0.1 / 5), g, allowance, "tick " + n);
            network.step();
        }
    }

    @Test
    void aCurrentReceptorAddsItsGainTimesItsVariableEveryTick() {
        Network network = receptorNetwork(NeuronSpec.lif(1, 100, 0, 0)
                .withReceptor(ReceptorSpec.current("r", 1, 1, 0.5)), 1, 0, 1, 0.75);
        fire(network, true);
        network.step();
        fire(network, false);
        double v = M.toReal(network.population("out").membrane(0));
        assertEquals(0.5 * 0.75, v, M.step(), "the arriving weight drives at once");
        network.step();
        double g = G.toReal(network.population("out").receptor(0, 0));
        assertEquals(0.75 * Math.exp(-1), g, 2 * G.step());
        assertEquals(v + 0.5 * g, M.toReal(network.population("out").membrane(0)), M.step(), "no leak: v adds up");
    }

    /**
     * Ten inputs of weight 1.9 into a conductance with gain 1.5 toward 0.5, never firing: the fraction k saturates at
     * 1, so the membrane lands exactly on the reversal potential and never beyond; an inhibitory one toward -0.25,
     * below rest, holds it there from below.
     */
    @Test
    void aConductanceNeverPushesTheMembranePastItsReversalPotential() {
        for (double reversal : new double[] {0.5, -0.25}) {
            Network network = receptorNetwork(NeuronSpec.lif(0.9, 100, 0, 0)
                    .withReceptor(ReceptorSpec.conductance("r", 2, 1, 1.5, reversal)), 10, 0, 1.9, 1.9);
            int limit = (int) M.toRaw(reversal);
            boolean reached = false;
            for (int t = 0; t < 200; t++) {
                fire(network, t % 7 == 0);
                network.step();
                int v = network.population("out").membrane(0);
                assertTrue(reversal > 0 ? v <= limit : v >= limit, "tick " + t + ": v = " + M.toReal(v));
                reached |= v == limit;
            }
            assertTrue(reached, "a saturated conductance reaches its reversal potential " + reversal);
        }
    }

    @Test
    void aConductanceClosesItsFractionOfTheDrivingForce() {
        double gain = 0.01;
        Network network = receptorNetwork(NeuronSpec.lif(1, 100, -1, 0)
                .withReceptor(ReceptorSpec.conductance("r", 1, 1, gain, 1)), 1, 0, 1, 1);
        fire(network, true);
        network.step();
        double k = gain * 1;
        assertEquals(-1 + k * (1 - -1), M.toReal(network.population("out").membrane(0)), M.step());
    }

    @Test
    void aNegativeConductanceDrivesNothing() {
        Network network = receptorNetwork(NeuronSpec.lif(0.5, 100, 0.25, 0)
                .withReceptor(ReceptorSpec.conductance("r", 2, 1, 0.5, 1)), 1, -1, 0, -1);
        for (int t = 0; t < 20; t++) {
            fire(network, true);
            network.step();
            assertTrue(network.population("out").receptor(0, 0) < 0);
        }
        assertEquals(0, network.population("out").membrane(0), "only the leak toward rest 0 acts");
    }

    /**
     * Rest 0.5, reset 0, threshold 1, decay 0.9: alone, the neuron climbs from its reset toward rest and stays below
     * threshold, within the leak's rounding (less than 1 / (1 - 0.9) = 10 steps short).
     */
    @Test
    void theMembraneLeaksTowardRestNotTowardReset() {
        Network network = Network.build(NetworkSpec.builder("rest")
                .population(PopulationSpec.neurons("out", 1, NeuronSpec.lif(0.9, 1, 0, 0).withRest(0.5), 0,
                        TraceSpec.counter(1))).build(), McuProfile.RP2040);
        assertEquals(0, network.population("out").membrane(0), "a neuron starts at its reset");
        for (int t = 0; t < 300; t++) {
            network.step();
            assertFalse(network.population("out").spikes().get(0));
        }
        assertEquals(0.5, M.toReal(network.population("out").membrane(0)), 10 * M.step());
    }

    @Test
    void aRestAboveThresholdFiresAndResetsBelowIt() {
        Network network = Network.build(NetworkSpec.builder("rest")
                .population(PopulationSpec.neurons("out", 1, NeuronSpec.lif(0.5, 1, -1, 0).withRest(2), 0,
                        TraceSpec.counter(1))).build(), McuProfile.RP2040);
        int spikes = 0;
        for (int t = 0; t < 30; t++) {
            network.step();
            if (network.population("out").spikes().get(0)) {
                spikes++;
                assertEquals(M.toRaw(-1), network.population("out").membrane(0));
            }
        }
        assertEquals(15, spikes, "from -1 the leak toward 2 reaches 0.5, then 1.25: one spike every 2 ticks");
    }

    @Test
    void aProjectionIntoAnUndeclaredReceptorIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder("bad")
                .population(PopulationSpec.input("in", 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, NeuronSpec.lif(1, 1, 0, 0)
                        .withReceptor(ReceptorSpec.current("ampa", 5, 1, 1)), 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", 0, 1, 1, PlasticityRule.NONE)
                        .withReceptor("nmda"))
                .build());
        assertTrue(e.getMessage().contains("nmda") && e.getMessage().contains("ampa"), e.getMessage());
    }

    @Test
    void aReceptorGainOutsideItsFormatIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReceptorSpec.current("r", 5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ReceptorSpec.conductance("r", 5, 1, -0.1, 0));
    }

    @Test
    void resettingActivityClearsTheReceptors() {
        Network network = receptorNetwork(NeuronSpec.lif(1, 100, 0, 0)
                .withReceptor(ReceptorSpec.current("r", 5, 1, 0.5)), 1, 0, 1, 1);
        fire(network, true);
        network.step();
        network.resetActivity();
        assertEquals(0, network.population("out").receptor(0, 0));
    }
}
