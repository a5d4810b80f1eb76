package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.TelemetryCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may command a running robot over the broker: a device started with default options, and one enabled. */
class CommandAuthorityTest {

    private static final String BOARD = Path.of("..", "examples", "robot.board").toString();
    private static final Duration ACK = Duration.ofSeconds(20);
    private static final int READOUT_WEIGHTS = 800 * 4;

    @TempDir
    Path dir;

    /** The 3,200 readout weights as 256-weight {@code load-weights}: 13 commands, all zeros. */
    private static List<CommandAck> zeroTheReadout(TelemetryCollector host) throws Exception {
        List<CommandAck> acks = new ArrayList<>();
        for (int offset = 0; offset < READOUT_WEIGHTS; offset += 256) {
            double[] zeros = new double[Math.min(256, READOUT_WEIGHTS - offset)];
            acks.add(host.command("load-weights", Map.of("projection", "features-output", "offset", offset,
                    "weights", zeros), ACK));
        }
        return acks;
    }

    private static TelemetryCollector host(EmbeddedBroker broker, String deviceId) throws Exception {
        TelemetryCollector host = new TelemetryCollector(Topics.of(deviceId),
                new PahoTransport(MqttSettings.of(broker.url(), "host-" + deviceId)));
        host.start();
        host.awaitMeta(Duration.ofSeconds(30));
        return host;
    }

    @Test
    void byDefaultAnyoneOnTheBrokerIsRefusedTheCommandsThatChangeLearnedStateOrStorage() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             CliProcess device = CliProcess.start(dir.resolve("device.log"), "device", "run", "--config", BOARD,
                     "--broker", broker.url(), "--id", "robot-a");
             TelemetryCollector host = host(broker, "robot-a")) {

            List<CommandAck> loads = zeroTheReadout(host);
            CommandAck snapshot = host.command("snapshot", Map.of(), ACK);
            CommandAck modulator = host.command("set", Map.of("name", "modulator", "value", 3.5), ACK);
            CommandAck stop = host.command("stop", Map.of(), ACK);
            CommandAck halt = host.command("halt", Map.of(), ACK);

            assertEquals(13, loads.size());
            assertTrue(loads.stream().noneMatch(CommandAck::ok), loads.toString());
            assertTrue(loads.get(0).error().contains("--allow-commands operation,state"), loads.get(0).error());
            assertTrue(!snapshot.ok() && snapshot.error().contains("--allow-commands operation,storage"),
                    snapshot.toString());
            assertTrue(!modulator.ok(), modulator.toString());
            assertTrue(stop.ok() && halt.ok(), stop + " " + halt);
        }
    }

    @Test
    void enabledStateAndStorageCommandsAreObeyedUpToTheRateLimit() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             CliProcess device = CliProcess.start(dir.resolve("device.log"), "device", "run", "--config", BOARD,
                     "--broker", broker.url(), "--id", "robot-b", "--allow-commands", "operation,state,storage",
                     "--command-rate", "14");
             TelemetryCollector host = host(broker, "robot-b")) {

            List<CommandAck> loads = zeroTheReadout(host);
            CommandAck fourteenth = host.command("snapshot", Map.of(), ACK);
            CommandAck fifteenth = host.command("snapshot", Map.of(), ACK);

            assertTrue(loads.stream().allMatch(CommandAck::ok), loads.toString());
            assertTrue(fourteenth.ok(), fourteenth.toString());
            assertTrue(!fifteenth.ok() && fifteenth.error().contains("at most 14 state and storage commands a minute")
                    && fifteenth.error().contains("retry in"), fifteenth.toString());
        }
    }

    @Test
    void anUnknownCommandGroupIsAUsageErrorListingTheGroups() {
        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--allow-commands", "weights", "--ticks", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--allow-commands: unknown command group 'weights'"), run.err());
    }
}
