package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code device world --broker}: the first seed's device run is visible on the broker as a device run's is, its
 * learning events carrying the reward and its health the tick utilisation; the other seeds' runs publish nothing.
 */
class WorldTelemetryTest {

    @TempDir
    Path dir;

    @Test
    void theFirstSeedsDeviceRunPublishesItsLearningAndHealthThroughTheBroker() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             PahoTransport subscriber = new PahoTransport(MqttSettings.of(broker.url(), "world-watcher")
                     .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5)))) {
            Map<String, List<String>> heard = new ConcurrentHashMap<>();
            subscriber.subscribe("aplysia/v1/#", (topic, payload) -> heard
                    .computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>())
                    .add(new String(payload, StandardCharsets.UTF_8)));
            subscriber.connect(null, new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            });

            Path box = Files.writeString(dir.resolve("box.txt"), String.join("\n", "arena width=200 height=200",
                    "start x=100 y=100 heading=0", ""));
            CliRun run = CliRun.of("device", "world", "--board", "../examples/reward-robot.board", "--robot",
                    "../examples/reward-robot.robot", "--arena", box.toString(), "--second-arena", box.toString(),
                    "--minutes", "1", "--seeds", "2", "--broker", broker.url(), "--chart-dir", dir.toString());

            assertEquals(0, run.exitCode(), run.err());
            List<String> learning = heard.getOrDefault("aplysia/v1/world-101/telemetry/learning", List.of());
            assertTrue(learning.size() > 100, "learning events of 3 minutes at 10 decisions a second: "
                    + learning.size() + " of topics " + heard.keySet());
            assertTrue(learning.stream().anyMatch(frame -> frame.contains("\"modulator\":-2")),
                    "a bump's punishment among them, in a box 40 mm wider than the robot: "
                            + learning.subList(0, 3));
            List<String> health = heard.getOrDefault("aplysia/v1/world-101/telemetry/health", List.of());
            assertTrue(!health.isEmpty(), heard.keySet().toString());
            JsonNode last = new ObjectMapper().readTree(health.get(health.size() - 1));
            assertTrue(last.path("tick_utilisation_peak").asDouble() > 0, last.toString());
            assertTrue(heard.keySet().stream().noneMatch(topic -> topic.contains("world-102")),
                    "only the first seed reports: " + heard.keySet());
        }
    }
}
