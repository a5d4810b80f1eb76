package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifNeuronTest {

    private static final QFormat M = NeuronSpec.MEMBRANE;

    /** One input neuron feeding one neuron "out" through a constant weight. */
    private static Network inputInto(NeuronSpec neuron, double weight) {
        return Network.build(NetworkSpec.builder("lif")
                .population(PopulationSpec.input("in", 1, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", -2, 1.99, weight, PlasticityRule.NONE))
                .build(), McuProfile.RP2040);
    }

    /** One neuron "out" on its own, driven only by injection and its excitability. */
    private static Network alone(NeuronSpec neuron) {
        return Network.build(NetworkSpec.builder("lif")
                .population(PopulationSpec.neurons("out", 1, neuron, 0, TraceSpec.counter(1))).build(),
                McuProfile.RP2040);
    }

    /** Steps {@code ticks} times and returns the ticks (from 1) on which "out" fired. */
    private static List<Integer> spikeTicks(Network network, int ticks) {
        List<Integer> fired = new ArrayList<>();
        for (int t = 1; t <= ticks; t++) {
            network.step();
            if (network.population("out").spikes().get(0)) {
                fired.add(t);
            }
        }
        return fired;
    }

    private static void pulse(Network network, boolean on) {
        network.population("in").spikes().clear();
        if (on) {
            network.population("in").spikes().set(0);
        }
    }

    /**
     * Eighty inputs of weight 1.9 onto a Q7.24 membrane sum to 152, past the 32-bit accumulator (128): the current
     * saturates, so the neuron fires, where a wrapping sum turned it into a membrane of about -104.
     */
    @Test
    void aCurrentPastTheAccumulatorSaturatesInsteadOfWrapping() {
        QFormat q724 = new QFormat("membrane-q7.24", 32, 24, Overflow.SATURATE);
        Network network = Network.build(NetworkSpec.builder("crowd")
                .population(PopulationSpec.input("in", 80, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("out", 1, NeuronSpec.lif(0.9, 100, 0, 0).withMembrane(q724), 0,
                        TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("in-out", "in", "out", -2, 1.99, 1.9, PlasticityRule.NONE))
                .build(), McuProfile.RP2040);
        for (int i = 0; i < 80; i++) {
            network.population("in").spikes().set(i);
        }

        network.step();

        assertTrue(network.population("out").spikes().get(0), "v = " + q724.toReal(network.population("out")
                .membrane(0)));
    }

    @Test
    void impulseResponseHalvesEveryTickWithDecayOneHalf() {
        Network network = inputInto(NeuronSpec.lif(0.5, 10, 0, 0), 1.0);
        long[] v = new long[16];
        for (int t = 0; t < v.length; t++) {
            pulse(network, t == 0);
            network.step();
            v[t] = network.population("out").membrane(0);
        }
        long[] expected = new long[16];
        for (int t = 0; t < 15; t++) {
            expected[t] = 16384 >> t;
        }
        assertArrayEquals(expected, v);
    }

    @Test
    void refractoryNeuronHoldsItsResetValue() {
        Network network = alone(NeuronSpec.lif(1, 1, 0.25, 2));
        network.population("out").inject(0, 2);
        network.step();
        for (int t = 2; t <= 3; t++) {
            network.step();
            assertFalse(network.population("out").spikes().get(0), "tick " + t);
            assertEquals(M.toRaw(0.25), network.population("out").membrane(0), "tick " + t);
        }
    }

    @Test
    void constantlyDrivenNeuronFiresOncePerRefractoryPeriodPlusOneTick() {
        Network network = alone(NeuronSpec.lif(1, 1, 0, 2));
        network.population("out").inject(0, 2);
        assertEquals(List.of(1, 4, 7, 10), spikeTicks(network, 12));
    }

    @Test
    void inputArrivingDuringTheRefractoryPeriodIsLost() {
        Network network = inputInto(NeuronSpec.lif(1, 1, 0, 2), 0.75);
        for (int t = 1; t <= 5; t++) {
            pulse(network, true);
            network.step();
            assertEquals(t == 2, network.population("out").spikes().get(0), "tick " + t);
        }
        assertEquals(M.toRaw(0.75), network.population("out").membrane(0));
    }

    @Test
    void adaptiveThresholdSilencesANeuronAfterThreeSpikesUnderDriveOneAndAHalf() {
        Network network = alone(NeuronSpec.lif(0, 1, 0, 0).withAdaptiveThreshold(0.25, 1));
        network.population("out").inject(0, 1.5);
        assertEquals(List.of(1, 2, 3), spikeTicks(network, 50));
        assertEquals(M.toRaw(0.75), network.population("out").adaptation(0));
    }

    @Test
    void decayingAdaptiveThresholdLowersTheRateWithoutSilencingTheNeuron() {
        Network plain = alone(NeuronSpec.lif(0, 1, 0, 0));
        Network adapting = alone(NeuronSpec.lif(0, 1, 0, 0).withAdaptiveThreshold(0.25, 0.9));
        plain.population("out").inject(0, 1.5);
        adapting.population("out").inject(0, 1.5);
        int plainSpikes = spikeTicks(plain, 200).size();
        int adaptingSpikes = spikeTicks(adapting, 200).size();
        assertEquals(200, plainSpikes);
        assertTrue(adaptingSpikes > 3 && adaptingSpikes < plainSpikes / 2, adaptingSpikes + " spikes");
    }

    @Test
    void excitabilityIsSpentAsTheNeuronStartsToFire() {
        Network network = alone(NeuronSpec.lif(1, 1, 0, 0).withExcitability(0.5, 0.25));
        assertEquals(List.of(2, 6), spikeTicks(network, 50));
        assertEquals(0, network.population("out").excitability(0));
    }

    @Test
    void frozenLearningNeitherAppliesNorSpendsExcitability() {
        Network network = alone(NeuronSpec.lif(1, 1, 0, 0).withExcitability(0.5, 0.25));
        network.setLearning(false);
        assertEquals(List.of(), spikeTicks(network, 50));
        assertEquals(M.toRaw(0.5), network.population("out").excitability(0));
    }

    @Test
    void frozenLearningKeepsTheAdaptiveThreshold() {
        Network network = alone(NeuronSpec.lif(1, 1, 0, 0).withAdaptiveThreshold(0.25, 0.5));
        network.setLearning(false);
        network.population("out").inject(0, 0.5);
        assertEquals(25, spikeTicks(network, 50).size());
        assertEquals(0, network.population("out").adaptation(0));
    }

    @Test
    void weightsReachAWiderMembraneInRealUnits() {
        QFormat wide = new QFormat("wide", 32, 24, Overflow.SATURATE);
        Network network = inputInto(NeuronSpec.lif(1, 10, 0, 0).withMembrane(wide), 0.5);
        pulse(network, true);
        network.step();
        assertEquals(wide.toRaw(0.5), network.population("out").membrane(0));
    }

    @Test
    void aMembraneWithFewerFractionBitsThanTheWeightsIsRejected() {
        QFormat narrow = new QFormat("narrow", 16, 8, Overflow.SATURATE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> inputInto(NeuronSpec.lif(1, 10, 0, 0).withMembrane(narrow), 0.5));
        assertTrue(e.getMessage().contains("fraction bits"), e.getMessage());
    }
}
