package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.fixed.GeometricIntervals;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.ReceptorSpec;
import dev.aplysia.device.model.TraceSpec;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Snapshots of a network with a Poisson source and receptors: its schedule and receptor variables travel. */
class PoissonSnapshotTest {

    /** 40 Poisson inputs onto 2 neurons through a plastic conductance and a static current receptor. */
    private static Network network() {
        TraceSpec trace = TraceSpec.exponential(20, 1);
        NeuronSpec neuron = NeuronSpec.lif(0.9, 1, -0.25, 0).withRest(-0.5)
                .withReceptor(ReceptorSpec.conductance("exc", 5, 1, 0.05, 1))
                .withReceptor(ReceptorSpec.current("inh", 10, 1, 0.1));
        return Network.build(NetworkSpec.builder("poisson-snapshot")
                .population(PopulationSpec.poisson("in", 40, 40, 1, trace))
                .population(PopulationSpec.neurons("out", 2, neuron, 0, trace))
                .projection(new ProjectionSpec("in-exc", "in", "out", 0, 1, 0, 1,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)).withReceptor("exc"))
                .projection(ProjectionSpec.constant("in-inh", "in", "out", -1, 0, -0.2, PlasticityRule.NONE)
                        .withReceptor("inh"))
                .seed(17).build(), McuProfile.RP2040);
    }

    /** The input spikes of {@code ticks} ticks, one row per tick. */
    private static long[][] inputSpikes(Network network, int ticks) {
        long[][] rows = new long[ticks][];
        for (int t = 0; t < ticks; t++) {
            network.step();
            Spikes spikes = network.population("in").spikes();
            rows[t] = new long[spikes.size()];
            for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
                rows[t][i] = 1;
            }
        }
        return rows;
    }

    @Test
    void aRestoredNetworkDrawsTheSameInputSpikesAndContinuesBitForBit() throws Exception {
        Network original = network();
        inputSpikes(original, 300);
        byte[] snapshot = SnapshotCodec.encode(original);
        Network restored = network();

        SnapshotCodec.decode(restored, snapshot);

        assertArrayEquals(snapshot, SnapshotCodec.encode(restored), "the schedule and receptors travel");
        assertArrayEquals(inputSpikes(original, 300), inputSpikes(restored, 300));
        assertArrayEquals(SnapshotCodec.encode(original), SnapshotCodec.encode(restored));
    }

    @Test
    void aCraftedOutOfRangeScheduleOrReceptorIsRejectedNamingTheField() {
        Network learned = network();
        inputSpikes(learned, 100);
        byte[] snapshot = SnapshotCodec.encode(learned);
        Network fresh = network();
        byte[] untouched = SnapshotCodec.encode(fresh);
        rejected(fresh, snapshot, "in.due", s -> s.set("in.due", 3, 0));
        rejected(fresh, snapshot, "in.due", s -> s.set("in.due", 7, GeometricIntervals.MAX_INTERVAL + 1));
        rejected(fresh, snapshot, "out.exc.g", s -> s.set("out.exc.g", 1, -1));
        rejected(fresh, snapshot, "out.inh.g", s -> s.set("out.inh.g", 0, 1));
        assertArrayEquals(untouched, SnapshotCodec.encode(fresh), "a rejected snapshot changes nothing");
    }

    private static void rejected(Network network, byte[] snapshot, String field, UnaryOperator<SnapshotBytes> craft) {
        byte[] crafted = craft.apply(SnapshotBytes.of(snapshot)).sealed();
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotCodec.decode(network, crafted));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
