package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KWinnersTest {

    /** A k-WTA population "k" of non-leaking neurons (threshold 1, reset -0.25, refractory 5), constant currents. */
    private static Network competition(int winners, double... currents) {
        Network network = Network.build(NetworkSpec.builder("kwta")
                .population(PopulationSpec.neurons("k", currents.length, NeuronSpec.lif(1, 1, -0.25, 5), winners,
                        TraceSpec.counter(1))).build(), McuProfile.RP2040);
        for (int i = 0; i < currents.length; i++) {
            network.population("k").inject(i, currents[i]);
        }
        return network;
    }

    private static List<Integer> spiking(Network network) {
        List<Integer> spiking = new ArrayList<>();
        Spikes spikes = network.population("k").spikes();
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            spiking.add(i);
        }
        return spiking;
    }

    private static long raw(double real) {
        return NeuronSpec.MEMBRANE.toRaw(real);
    }

    @Test
    void atMostKNeuronsFireAndTheyHaveTheLargestMargins() {
        Network network = competition(2, 0.4, 1.5, 1.2, 1.5, 1.1);
        network.step();
        assertEquals(List.of(1, 3), spiking(network));
    }

    @Test
    void tiesGoToTheLowerIndex() {
        Network network = competition(1, 1.5, 1.5, 1.5);
        List<Integer> winners = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            network.step();
            winners.addAll(spiking(network));
        }
        assertEquals(List.of(0, 1, 2), winners);
    }

    @Test
    void losersAreInhibitedBackToReset() {
        Network network = competition(2, 0.4, 1.5, 1.2, 1.5, 1.1);
        network.step();
        for (int loser : new int[] {0, 2, 4}) {
            assertEquals(raw(-0.25), network.population("k").membrane(loser), "neuron " + loser);
        }
    }

    @Test
    void withoutASpikeNobodyIsInhibited() {
        Network network = competition(1, 0.5, 0.25);
        network.step();
        network.step();
        assertEquals(raw(0.75), network.population("k").membrane(0));
        assertEquals(raw(0.25), network.population("k").membrane(1));
    }
}
