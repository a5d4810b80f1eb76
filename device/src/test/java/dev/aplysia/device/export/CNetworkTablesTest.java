package dev.aplysia.device.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import org.junit.jupiter.api.Test;

/** The C tables of a network: deterministic, named by the caller, only of a freshly built network. */
class CNetworkTablesTest {

    private static NetworkSpec stdp() {
        TraceSpec trace = TraceSpec.exponential(20, 1).asEventDriven();
        return NetworkSpec.builder("stdp")
                .population(PopulationSpec.input("pre", 4, trace))
                .population(PopulationSpec.neurons("post", 3, NeuronSpec.lif(0.9, 1, 0, 1), 1, trace))
                .projection(new ProjectionSpec("pre-post", "pre", "post", 0, 1, 0.2, 0.4,
                        PlasticityRule.stdpAdditive(0.01, -0.0105)))
                .seed(5).build();
    }

    @Test
    void theSameSpecGivesTheSameBytes() {
        String first = CNetworkTables.source(stdp(), Network.build(stdp(), McuProfile.RP2040), "net");
        assertEquals(first, CNetworkTables.source(stdp(), Network.build(stdp(), McuProfile.RP2040), "net"));
    }

    @Test
    void theTablesHoldTheInitialWeightsOfTheBuiltNetwork() {
        Network network = Network.build(stdp(), McuProfile.RP2040);
        String source = CNetworkTables.source(stdp(), network, "net");
        assertTrue(source.contains("static const int16_t net_k0_initial_weights[12] = {\n    "
                + network.projection("pre-post").weight(0, 0) + ","), source);
        assertTrue(source.contains("const ap_network net = {"), source);
    }

    @Test
    void aNetworkThatHasRunIsRefused() {
        Network network = Network.build(stdp(), McuProfile.RP2040);
        network.step();
        assertThrows(IllegalArgumentException.class, () -> CNetworkTables.source(stdp(), network, "net"));
    }

    @Test
    void aSymbolThatIsNotACIdentifierIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CNetworkTables.source(stdp(), Network.build(stdp(), McuProfile.RP2040), "lif-impulse"));
    }
}
