package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

/**
 * A network that uses none of a newer capability keeps the fingerprint it had before that capability existed, so
 * its snapshots still load after an upgrade.
 */
class FingerprintStabilityTest {

    /** The fingerprint of {@link #spec} computed by the code of commit bbb5066, before receptors, rest and Poisson. */
    private static final long BEFORE_SYNAPTIC_DYNAMICS = 0x4445eeb82b2f6646L;

    private static NetworkSpec spec(double rest) {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NeuronSpec neuron = NeuronSpec.lif(0.9, 1, 0, 2).withAdaptiveThreshold(0.05, 0.99);
        return NetworkSpec.builder("fingerprint")
                .population(PopulationSpec.input("in", 4, trace))
                .population(PopulationSpec.neurons("out", 3, rest == 0 ? neuron : neuron.withRest(rest), 1, trace))
                .projection(new ProjectionSpec("in-out", "in", "out", 0, 1, 0, 0.5,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)))
                .seed(7).build();
    }

    @Test
    void aNetworkWithoutTheNewFieldsKeepsItsOldFingerprint() {
        assertEquals(BEFORE_SYNAPTIC_DYNAMICS,
                SnapshotCodec.fingerprint(Network.build(spec(0), McuProfile.RP2040)));
    }

    @Test
    void aNetworkThatUsesANewFieldGetsAnotherFingerprint() {
        assertNotEquals(BEFORE_SYNAPTIC_DYNAMICS,
                SnapshotCodec.fingerprint(Network.build(spec(-0.25), McuProfile.RP2040)));
    }
}
