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
import dev.aplysia.device.model.ReceptorSpec;
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

    /**
     * 200 Poisson inputs with event-driven traces onto 8 neurons at rest -0.5 through a plastic conductance (pair
     * STDP on the vector kernels) and a current receptor.
     */
    private static Network poissonNetwork() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NeuronSpec neuron = NeuronSpec.lif(0.9, 1, -0.25, 0).withRest(-0.5)
                .withReceptor(ReceptorSpec.conductance("exc", 5, 1, 0.02, 1))
                .withReceptor(ReceptorSpec.current("inh", 10, 1, 0.05));
        return Network.build(NetworkSpec.builder("poisson-busy")
                .population(PopulationSpec.poisson("in", 200, 30, 1, trace.asEventDriven()))
                .population(PopulationSpec.neurons("out", 8, neuron, 0, trace))
                .projection(new ProjectionSpec("in-exc", "in", "out", 0, 1, 0, 1,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)).withReceptor("exc"))
                .projection(ProjectionSpec.constant("in-inh", "in", "out", -1, 0, -0.2, PlasticityRule.NONE)
                        .withReceptor("inh"))
                .seed(5).build(), McuProfile.RP2040);
    }

    /** Bytes allocated by 5000 ticks of {@code ticks} after 20,000 to warm up, less the cost of measuring. */
    private static long allocatedOverWarmTicks(Network network, java.util.function.ObjIntConsumer<Network> ticks) {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        ticks.accept(network, 20_000);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        long calibration = THREADS.getThreadAllocatedBytes(thread) - before;
        long start = THREADS.getThreadAllocatedBytes(thread);
        ticks.accept(network, 5_000);
        return THREADS.getThreadAllocatedBytes(thread) - start - calibration;
    }

    @Test
    void aWarmTickAllocatesNothing() {
        assertEquals(0, allocatedOverWarmTicks(busyNetwork(), AllocationTest::run),
                "bytes allocated over 5000 warm ticks");
    }

    @Test
    void aWarmTickWithPoissonInputsReceptorsAndEventDrivenTracesAllocatesNothing() {
        assertEquals(0, allocatedOverWarmTicks(poissonNetwork(), (network, ticks) -> {
            for (int t = 0; t < ticks; t++) {
                network.step();
            }
        }), "bytes allocated over 5000 warm ticks");
    }
}
