package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A tick with Poisson sources and receptors allocates nothing once warm, as every tick of the core. */
class SynapticDynamicsAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** 200 Poisson inputs onto 8 neurons at rest -0.5 through a plastic conductance and a current receptor. */
    private static Network poissonNetwork() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NeuronSpec neuron = NeuronSpec.lif(0.9, 1, -0.25, 0).withRest(-0.5)
                .withReceptor(ReceptorSpec.conductance("exc", 5, 1, 0.02, 1))
                .withReceptor(ReceptorSpec.current("inh", 10, 1, 0.05));
        return Network.build(NetworkSpec.builder("poisson-busy")
                .population(PopulationSpec.poisson("in", 200, 30, 1, trace))
                .population(PopulationSpec.neurons("out", 8, neuron, 0, trace))
                .projection(new ProjectionSpec("in-exc", "in", "out", 0, 1, 0, 1,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)).withReceptor("exc"))
                .projection(ProjectionSpec.constant("in-inh", "in", "out", -1, 0, -0.2, PlasticityRule.NONE)
                        .withReceptor("inh"))
                .seed(5).build(), McuProfile.RP2040);
    }

    private static void run(Network network, int ticks) {
        for (int t = 0; t < ticks; t++) {
            network.step();
        }
    }

    @Test
    void aWarmTickWithPoissonInputsAndReceptorsAllocatesNothing() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        Network network = poissonNetwork();
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
