package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    /**
     * 20 inputs into a 3-winner population of 10 with stochastically rounded STDP and random initial weights, inputs
     * drawn from the network's own streams; returns every weight, trace and membrane after 300 ticks.
     */
    private static long[] runFor300Ticks(long seed) {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        Network network = Network.build(NetworkSpec.builder("determinism")
                .population(PopulationSpec.input("in", 20, trace))
                .population(PopulationSpec.neurons("out", 10, NeuronSpec.lif(0.9, 1, 0, 2)
                        .withAdaptiveThreshold(0.05, 0.99).withExcitability(0.02, 0.01), 3, trace))
                .projection(new ProjectionSpec("in-out", "in", "out", 0, 1, 0, 0.5,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)))
                .seed(seed).build(), McuProfile.RP2040);
        for (int t = 0; t < 300; t++) {
            network.population("in").spikes().clear();
            for (int i = 0; i < 20; i++) {
                if (CounterRandom.below(network.key(CounterRandom.Stream.ENCODING), i, 5) == 0) {
                    network.population("in").spikes().set(i);
                }
            }
            network.step();
        }
        long[] state = new long[200 + 30 + 10];
        int k = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 10; j++) {
                state[k++] = network.projection("in-out").weight(i, j);
            }
        }
        for (int i = 0; i < 20; i++) {
            state[k++] = network.population("in").trace(i);
        }
        for (int j = 0; j < 10; j++) {
            state[k++] = network.population("out").trace(j);
            state[k++] = network.population("out").membrane(j);
        }
        return state;
    }

    @Test
    void theSameSeedGivesBitIdenticalRuns() {
        assertArrayEquals(runFor300Ticks(2024), runFor300Ticks(2024));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertFalse(Arrays.equals(runFor300Ticks(2024), runFor300Ticks(2025)));
    }
}
