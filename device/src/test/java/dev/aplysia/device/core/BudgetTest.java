package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

class BudgetTest {

    /** 784 inputs fully connected to 200 neurons: 156,800 weights of 2 bytes. */
    private static NetworkSpec mnistSized() {
        return NetworkSpec.builder("mnist-sized")
                .population(PopulationSpec.input("pixels", 784, TraceSpec.counter(1)))
                .population(PopulationSpec.neurons("hidden", 200, NeuronSpec.lif(0.9, 1, 0, 2), 0,
                        TraceSpec.counter(1)))
                .projection(ProjectionSpec.constant("pixels-hidden", "pixels", "hidden", 0, 1, 0.1,
                        PlasticityRule.NONE))
                .build();
    }

    /**
     * Weights 784 * 200 * 2 = 313,600; traces (784 + 200) * 4 = 3,936; neuron state 200 * (5 * 4 + 2) = 4,400, spike
     * bits 13 * 8 + 4 * 8 = 136, projection bookkeeping 8, seed, tick, modulator and learning switch 24: 322,104
     * bytes against
     * RP2040's 264 KB - 40 KB = 229,376.
     */
    @Test
    void aNetworkTooLargeForTheRp2040FailsNamingTheExcessBytes() {
        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> Network.build(mnistSized(), McuProfile.RP2040));
        assertEquals(322_104, e.budget().totalBytes());
        assertTrue(e.getMessage().contains(String.format("over by %,d bytes", 322_104 - 229_376)), e.getMessage());
    }

    @Test
    void theSameNetworkFitsThePiNativeBudget() {
        assertTrue(Network.build(mnistSized(), McuProfile.PI_NATIVE).budget().fits());
    }
}
