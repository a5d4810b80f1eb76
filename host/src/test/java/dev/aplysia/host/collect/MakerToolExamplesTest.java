package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.aplysia.device.firmware.FirmwareHealth;
import dev.aplysia.device.firmware.FirmwareTelemetry;
import dev.aplysia.device.telemetry.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Node-RED flow and the Telegraf config in {@code examples/} parse, are wired up, and read the protocol's topics. */
class MakerToolExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Topics DEVICE = Topics.of("board-7");

    /** Where a topic filter with {@code +} for the device id points in the device's tree. */
    private static Topics.Address address(String filter) {
        String prefix = Topics.DEFAULT_PREFIX + "+/";
        assertTrue(filter.startsWith(prefix), filter + " is not under " + prefix);
        return DEVICE.parse(DEVICE.root() + filter.substring(prefix.length()));
    }

    private static Map<String, JsonNode> nodeRedFlow() throws IOException {
        JsonNode flow = new ObjectMapper().readTree(EXAMPLES.resolve("node-red/aplysia-health.json").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        flow.forEach(node -> assertEquals(null, byId.put(node.get("id").asText(), node), "duplicate id " + node));
        return byId;
    }

    private static JsonNode telegraf() throws IOException {
        return new TomlMapper().readTree(EXAMPLES.resolve("telegraf/aplysia.conf").toFile());
    }

    @Test
    void theNodeRedFlowReadsEveryDevicesHealthIntoJsonAndADebugNode() throws IOException {
        Map<String, JsonNode> nodes = nodeRedFlow();
        JsonNode health = nodes.values().stream().filter(n -> n.path("type").asText().equals("mqtt in")
                && n.path("topic").asText().endsWith("/health")).findFirst().orElseThrow();

        assertEquals(new Topics.Address(Topics.Kind.TELEMETRY, FirmwareHealth.STREAM),
                address(health.get("topic").asText()));
        JsonNode json = nodes.get(health.get("wires").get(0).get(0).asText());
        assertEquals("json", json.get("type").asText());
        assertEquals("obj", json.get("action").asText());
        assertEquals("debug", nodes.get(json.get("wires").get(0).get(0).asText()).get("type").asText());
        assertEquals("mqtt-broker", nodes.get(health.get("broker").asText()).get("type").asText());
    }

    @Test
    void everyNodeRedReferenceNamesANodeOfTheFlow() throws IOException {
        Map<String, JsonNode> nodes = nodeRedFlow();

        for (JsonNode node : nodes.values()) {
            for (String reference : references(node)) {
                assertNotNull(nodes.get(reference), node.get("id") + " refers to missing " + reference);
            }
            if (node.has("z")) {
                assertEquals("tab", nodes.get(node.get("z").asText()).get("type").asText(), node.toString());
            }
        }
    }

    @Test
    void theNodeRedStatusNodeReadsTheStatusTopic() throws IOException {
        JsonNode status = nodeRedFlow().values().stream().filter(n -> n.path("topic").asText().endsWith("/status"))
                .findFirst().orElseThrow();

        assertEquals(Topics.Kind.STATUS, address(status.get("topic").asText()).kind());
    }

    @Test
    void telegrafSubscribesToStreamsTheFirmwarePublishesAsJsonStampedByTs() throws IOException {
        JsonNode consumer = telegraf().get("inputs").get("mqtt_consumer").get(0);

        List<String> streams = new ArrayList<>();
        consumer.get("topics").forEach(topic -> {
            Topics.Address address = address(topic.asText());
            assertEquals(Topics.Kind.TELEMETRY, address.kind(), topic.asText());
            streams.add(address.name());
        });
        assertEquals(List.of(FirmwareHealth.STREAM, FirmwareTelemetry.DECISIONS, FirmwareTelemetry.LEARNING), streams);
        assertEquals("json", consumer.get("data_format").asText());
        assertEquals("ts", consumer.get("json_time_key").asText());
        assertEquals("unix_ms", consumer.get("json_time_format").asText());
    }

    @Test
    void telegrafTagsEachPointWithTheDeviceIdFromItsLevelOfTheTopic() throws IOException {
        JsonNode parsing = telegraf().get("inputs").get("mqtt_consumer").get(0).get("topic_parsing").get(0);

        String[] topic = parsing.get("topic").asText().split("/");
        String[] tags = parsing.get("tags").asText().split("/");
        int deviceLevel = Topics.DEFAULT_PREFIX.split("/").length;
        assertEquals("+", topic[deviceLevel]);
        assertEquals("device", tags[deviceLevel]);
        assertEquals(topic.length, tags.length);
        assertEquals(Topics.Kind.TELEMETRY, address(parsing.get("topic").asText().replaceFirst("\\+$", "x")).kind());
        assertTrue(telegraf().get("outputs").has("file"));
    }

    /** The ids a node names: its wires' targets, and an MQTT node's broker config node. */
    private static List<String> references(JsonNode node) {
        List<String> ids = new ArrayList<>();
        node.path("wires").forEach(port -> port.forEach(target -> ids.add(target.asText())));
        if (node.path("type").asText().startsWith("mqtt ")) {
            ids.add(node.get("broker").asText());
        }
        return ids;
    }
}
