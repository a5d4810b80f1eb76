package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

/** An event-driven trace's write ticks travel in a snapshot as ages, each checked on its own. */
class EventDrivenTraceSnapshotTest {

    private static Network poissonWithEventDrivenTraces() {
        return Network.build(NetworkSpec.builder("ages").seed(3)
                .population(PopulationSpec.poisson("in", 50, 40, 1, TraceSpec.exponential(20, 1).asEventDriven()))
                .build(), McuProfile.RP2040);
    }

    @Test
    void aRestoredNetworkReadsTheSameTracesAndSavesTheSameBytes() throws Exception {
        Network original = poissonWithEventDrivenTraces();
        for (int t = 0; t < 300; t++) {
            original.step();
        }
        byte[] snapshot = SnapshotCodec.encode(original);
        Network restored = poissonWithEventDrivenTraces();
        SnapshotCodec.decode(restored, snapshot);
        for (int t = 0; t < 300; t++) {
            original.step();
            restored.step();
        }
        assertArrayEquals(SnapshotCodec.encode(original), SnapshotCodec.encode(restored));
    }

    @Test
    void aTraceWrittenInTheFutureIsRejectedNamingTheSection() {
        Network network = poissonWithEventDrivenTraces();
        for (int t = 0; t < 100; t++) {
            network.step();
        }
        byte[] crafted = SnapshotBytes.of(SnapshotCodec.encode(network)).set("in.trace_age", 7, -1).sealed();

        SnapshotException e = assertThrows(SnapshotException.class,
                () -> SnapshotCodec.check(poissonWithEventDrivenTraces(), crafted));

        assertTrue(e.getMessage().contains("in.trace_age") && e.getMessage().contains("[7] = -1"), e.getMessage());
    }
}
