package dev.aplysia.host.cli;

import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.host.fleet.Fleet;
import dev.aplysia.host.fleet.FleetSpec;
import dev.aplysia.host.fleet.QosFloor;
import dev.aplysia.node.BrokerOptions;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every device of a fleet runs and how it publishes: shared by {@code device fleet} and {@code host ingest}. */
final class FleetOptions {

    @Option(names = "--rate", defaultValue = "10", description = "Telemetry messages a second per device while every"
            + " sample is taught (a decisions and a learning frame per sample, health once a second), 2 to"
            + " the limit a sample period allows: 20 with --tick-ms 5, 96 with 1 (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--tick-ms", defaultValue = "5", description = "Each firmware's tick period, 1 to 10 ms (the"
            + " robot's is 1; 5 costs a fifth of the ticks) (default: ${DEFAULT-VALUE}).")
    int tickMillis;

    @Option(names = "--features", defaultValue = "32", description = "Feature neurons of each device's network, 8"
            + " sonars -> FEATURES -> 4 commands (the robot's is 800, too costly for hundreds on one machine)"
            + " (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--qos", defaultValue = "0", description = "0: telemetry streams at QoS 0, as docs/protocol.md"
            + " says; 1: every frame at QoS 1, delivered at least once (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first device's network; device N gets"
            + " seed + N - 1 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tick-threads", description = "Threads moving the devices through time (default: one per"
            + " processor).")
    Integer tickThreads;

    @Option(names = "--scenario", description = "Scenario file each device loops (default: two situations, each"
            + " taught for a second). Untaught samples send one frame, not two.")
    Path scenario;

    @CommandLine.Mixin
    BrokerOptions broker;

    /**
     * The fleet of {@code count} devices named {@code idPrefix-N}.
     *
     * @throws CommandLine.ParameterException (exit 2) naming the option that is out of range
     */
    FleetSpec spec(CommandLine.Model.CommandSpec command, int count, String idPrefix) {
        try {
            return new FleetSpec(count, idPrefix, features, tickMillis, rate, qos, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** The scenario file, or the fleet's own. */
    Scenario scenario() throws HalException {
        return scenario == null ? Fleet.defaultScenario() : Scenario.load(scenario);
    }

    /** Tick threads: as asked, or one per processor. */
    int tickThreads() {
        return tickThreads != null ? tickThreads : Runtime.getRuntime().availableProcessors();
    }

    /** Each device's own client of {@code url}, with a per-run client id, publishing at QoS {@code --qos} or more. */
    Fleet.Transports transports(String url) {
        return id -> new QosFloor(new PahoTransport(broker.settings(url, MqttSettings.perRunClientId("aplysia-" + id))),
                qos);
    }
}
