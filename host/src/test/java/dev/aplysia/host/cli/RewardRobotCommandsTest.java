package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.reward.RewardWiring;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.ReceivedFrame;
import dev.aplysia.host.collect.TelemetryCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reward robot takes the loop's commands over the broker, as the classifier robot does. */
class RewardRobotCommandsTest {

    private static final String BOARD = Path.of("..", "examples", "reward-robot.board").toString();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void haltStopsTheDecisionsAndTheOwnPolicyWeightsLoadWithinTheirRange() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             CliProcess device = CliProcess.start(dir.resolve("device.log"), "device", "run", "--app", "reward",
                     "--config", BOARD, "--broker", broker.url(), "--id", "reward-a", "--allow-commands",
                     "operation,state");
             TelemetryCollector host = new TelemetryCollector(Topics.of("reward-a"),
                     new PahoTransport(MqttSettings.of(broker.url(), "host-reward-a")))) {
            host.start();
            String commands = host.awaitMeta(Duration.ofSeconds(30)).get("commands").asText();

            CommandAck load = host.command("load-weights", Map.of("projection", RewardWiring.POLICY, "offset", 0,
                    "weights", new double[] {-1, 0.5, 1}), WAIT);
            CommandAck outOfRange = host.command("load-weights", Map.of("projection", RewardWiring.POLICY,
                    "offset", 0, "weights", new double[] {1.5}), WAIT);
            CommandAck otherProjection = host.command("load-weights", Map.of("projection", "features-output",
                    "offset", 0, "weights", new double[] {0}), WAIT);
            CommandAck halt = host.command("halt", Map.of(), WAIT);
            ReceivedFrame halted = firstEvent(host, "halted");
            long decisions = decisionsAfter(host, halted.tick());

            assertTrue(commands.contains("halt") && commands.contains("load-weights"), commands);
            assertTrue(load.ok(), load.toString());
            assertFalse(outOfRange.ok(), outOfRange.toString());
            assertTrue(outOfRange.error().contains("1.5"), outOfRange.error());
            assertFalse(otherProjection.ok(), otherProjection.toString());
            assertTrue(otherProjection.error().contains(RewardWiring.POLICY), otherProjection.error());
            assertTrue(halt.ok(), halt.toString());
            assertEquals("command", halted.fields().get("cause").asText());
            assertEquals(decisions, decisionsAfter(host, halted.tick() + 2_000),
                    "decisions went on while halted");
        }
    }

    private static ReceivedFrame firstEvent(TelemetryCollector host, String type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (host.events(type).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return host.events(type).stream().findFirst().orElseThrow(() -> new AssertionError("no event/" + type));
    }

    /** The decisions in the first health frame after network tick {@code tick}. */
    private static long decisionsAfter(TelemetryCollector host, long tick) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ReceivedFrame frame : host.frames("health")) {
                if (frame.tick() > tick) {
                    return frame.fields().get("decisions").asLong();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no health frame after tick " + tick);
    }
}
