package dev.aplysia.device.golden;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.reference.FloatNetwork;
import java.util.List;

/**
 * A small fixed scenario: a network spec, a stimulus per tick, and the variables recorded after every tick. Running
 * it on the core gives a golden vector's rows; running it on the float twin gives the expected values.
 *
 * @param name        golden vector name (file {@code <name>.csv})
 * @param description the spec in one line, for the vector's provenance header
 * @param spec        the network
 * @param ticks       ticks to run
 * @param stimulus    inputs before each tick
 * @param columns     variables recorded after each tick
 */
public record GoldenScenario(String name, String description, NetworkSpec spec, int ticks, Stimulus stimulus,
                             List<Column> columns) {

    public GoldenScenario {
        columns = List.copyOf(columns);
    }

    /** The core's raw values, one row per tick, on the optimised kernels. */
    long[][] runCore() {
        return runCore(Kernels.OPTIMISED);
    }

    /** The core's raw values, one row per tick, on {@code kernels}. */
    long[][] runCore(Kernels kernels) {
        Network network = Network.build(spec, McuProfile.RP2040, kernels);
        Drive drive = Drive.of(network);
        long[][] rows = new long[ticks][columns.size()];
        for (int t = 1; t <= ticks; t++) {
            stimulus.before(t, drive);
            network.step();
            for (int c = 0; c < columns.size(); c++) {
                rows[t - 1][c] = columns.get(c).raw(network);
            }
        }
        return rows;
    }

    /** The float twin's real values, one row per tick, from a twin of the freshly built core. */
    double[][] runTwin() {
        FloatNetwork twin = FloatNetwork.twinOf(Network.build(spec, McuProfile.RP2040));
        Drive drive = Drive.of(twin);
        double[][] rows = new double[ticks][columns.size()];
        for (int t = 1; t <= ticks; t++) {
            stimulus.before(t, drive);
            twin.step();
            for (int c = 0; c < columns.size(); c++) {
                rows[t - 1][c] = columns.get(c).real().applyAsDouble(twin);
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return name;
    }
}
