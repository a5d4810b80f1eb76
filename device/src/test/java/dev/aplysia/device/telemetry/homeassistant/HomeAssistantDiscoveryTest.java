package dev.aplysia.device.telemetry.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.telemetry.Announcement;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topics TOPICS = Topics.of("board-7");
    private static final DeviceMeta META = new DeviceMeta("0.1.0", "rp2040", "digits", new int[] {64, 10},
            Map.of("weight", "Q1.14"));
    private static final List<HomeAssistantEntity> ENTITIES = List.of(
            HomeAssistantEntity.sensor("accuracy", "Accuracy", TOPICS.telemetry("health"),
                    "{{ value_json.accuracy }}").with("state_class", "measurement")
                    .with("suggested_display_precision", 2),
            HomeAssistantEntity.button("halt", "Halt", TOPICS.command("halt"), "{}"));

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(HomeAssistantDiscovery.DEFAULT_PREFIX,
            TOPICS, META, ENTITIES);

    private static JsonNode json(Announcement.Message message) throws IOException {
        return JSON.readTree(message.payload());
    }

    @Test
    void eachEntityHasItsConfigTopicUnderThePrefixComponentDeviceAndObjectId() {
        assertEquals(List.of("homeassistant/sensor/board-7/accuracy/config",
                        "homeassistant/button/board-7/halt/config"),
                discovery.messages().stream().map(Announcement.Message::topic).toList());
    }

    @Test
    void aConfigCarriesTheEntitysKeysInOrderThenItsNameUniqueIdAndQos() throws IOException {
        JsonNode sensor = json(discovery.messages().get(0));

        assertEquals(List.of("name", "unique_id", "state_topic", "value_template", "state_class",
                "suggested_display_precision", "qos", "availability", "device", "origin"), names(sensor));
        assertEquals("Accuracy", sensor.get("name").asText());
        assertEquals("aplysia_board-7_accuracy", sensor.get("unique_id").asText());
        assertEquals("aplysia/v1/board-7/telemetry/health", sensor.get("state_topic").asText());
        assertEquals(2, sensor.get("suggested_display_precision").asInt());
        assertEquals(1, sensor.get("qos").asInt());
    }

    @Test
    void availabilityFollowsTheStatusTopicPlainOrJson() throws IOException {
        JsonNode availability = json(discovery.messages().get(1)).get("availability").get(0);

        assertEquals("aplysia/v1/board-7/status", availability.get("topic").asText());
        assertEquals("online", availability.get("payload_available").asText());
        assertEquals("offline", availability.get("payload_not_available").asText());
        assertEquals("{{ value_json.state if value_json is defined else value }}",
                availability.get("value_template").asText());
    }

    @Test
    void theDeviceBlockNamesTheDeviceItsModelAndFirmware() throws IOException {
        JsonNode device = json(discovery.messages().get(0)).get("device");

        assertEquals("aplysia_board-7", device.get("identifiers").get(0).asText());
        assertEquals("Aplysia board-7", device.get("name").asText());
        assertEquals("Aplysia", device.get("manufacturer").asText());
        assertEquals("digits on rp2040", device.get("model").asText());
        assertEquals("0.1.0", device.get("sw_version").asText());
    }

    @Test
    void homeAssistantsBirthMessageAsksForTheConfigsAgainAndItsWillDoesNot() {
        assertEquals("homeassistant/status", discovery.requestFilter());
        assertTrue(discovery.isRequest("homeassistant/status", "online".getBytes(StandardCharsets.UTF_8)));
        assertFalse(discovery.isRequest("homeassistant/status", "offline".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherPrefixMovesEveryTopic() {
        HomeAssistantDiscovery ha = new HomeAssistantDiscovery("lab/ha", TOPICS, META, ENTITIES);

        assertEquals("lab/ha/sensor/board-7/accuracy/config", ha.messages().get(0).topic());
        assertEquals("lab/ha/status", ha.requestFilter());
    }

    @Test
    void aPrefixWithAWildcardOrATrailingSlashIsRefused() {
        for (String prefix : List.of("", "ha/", "ha/#", "+/ha", "ha//x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new HomeAssistantDiscovery(prefix, TOPICS, META, ENTITIES), prefix);
            assertTrue(e.getMessage().startsWith("invalid discovery prefix"), e.getMessage());
        }
    }

    @Test
    void twoEntitiesWithOneObjectIdAreRefused() {
        List<HomeAssistantEntity> twice = List.of(ENTITIES.get(1), ENTITIES.get(1));

        assertThrows(IllegalArgumentException.class, () -> new HomeAssistantDiscovery("homeassistant", TOPICS, META,
                twice));
    }

    @Test
    void aComponentThisProjectDoesNotDescribeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HomeAssistantEntity("light", "lamp", "Lamp", Map.of()));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
