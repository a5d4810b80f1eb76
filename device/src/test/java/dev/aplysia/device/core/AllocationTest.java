package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * 32 inputs into a 3-winner population of 16 (adaptive threshold, excitability) under three-factor learning with
     * consolidation, then into 4 outputs under Hebbian learning with weight-sum normalisation; every gate, the
     * baseline and the normaliser run.
     */
    private static Network busyNetwork() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        PlasticityRule threeFactor = PlasticityRule.threeFactor(0.5, -0.5, 0.9, 0.01, 4)
                .withConsolidation(List.of(Term.of(0.001, Factor.MODULATOR, Factor.POST_TRACE)), 0.5);
        return Network.build(NetworkSpec.builder("busy")
                .population(PopulationSpec.input("in", 32, trace))
                .population(PopulationSpec.neurons("hidden", 16, NeuronSpec.lif(0.9, 1, 0, 2)
                        .withAdaptiveThreshold(0.05, 0.99).withExcitability(0.05, 0.01), 3, trace))
                .population(PopulationSpec.neurons("out", 4, NeuronSpec.lif(0.9, 1, 0, 2), 0, trace))
                .projection(new ProjectionSpec("in-hidden", "in", "hidden", 0, 1, 0.1, 0.5, threeFactor))
                .projection(new ProjectionSpec("hidden-out", "hidden", "out", 0, 1, 0.1, 0.5,
                        PlasticityRule.hebbianNormalised(0.01, 1)))
                .seed(5).build(), McuProfile.RP2040);
    }

    private static void run(Network network, int ticks) {
        for (int t = 0; t < ticks; t++) {
            network.population("in").spikes().clear();
            for (int i = 0; i < 32; i++) {
                if (CounterRandom.below(network.key(CounterRandom.Stream.ENCODING), i, 4) == 0) {
                    network.population("in").spikes().set(i);
                }
            }
            network.setModulator((t & 64) == 0 ? 1.0 : -0.5);
            network.step();
        }
    }

    @Test
    void aWarmTickAllocatesNothing() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        Network network = busyNetwork();
        run(network, 20_000);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        long calibration = THREADS.getThreadAllocatedBytes(thread) - before;
        long start = THREADS.getThreadAllocatedBytes(thread);
        run(network, 5_000);
        long allocated = THREADS.getThreadAllocatedBytes(thread) - start - calibration;
        assertEquals(0, allocated, "bytes allocated over 5000 warm ticks");
    }
}
