package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareEntities;
import dev.aplysia.device.firmware.HaltCause;
import dev.aplysia.device.firmware.FirmwareHealth;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantDiscovery;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Home Assistant's view of the robot firmware through a real Mosquitto, the broker its add-on runs: the retained
 * discovery configs, their republication on Home Assistant's birth message, and what its button and switch send
 * reaching the firmware. Skipped without Mosquitto, failed under {@code CI=true} ({@link RequiredPackage}). Not run
 * on the embedded Moquette 0.17, which drops connections fanning retained QoS 1 messages out (docs/decisions.md,
 * 33).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoHomeAssistantTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = HomeAssistantDiscovery.DEFAULT_PREFIX;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private MosquittoBroker broker;

    @BeforeAll
    void startBroker() throws IOException, InterruptedException {
        if (MosquittoBroker.available()) {
            broker = new MosquittoBroker(Files.createTempDirectory("aplysia-mosquitto"));
            broker.start();
        }
    }

    @BeforeEach
    void requireBroker() {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at " + MosquittoBroker.BINARY
                + " (apt-get install mosquitto): skipping Home Assistant over a real broker");
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        opened.clear();
    }

    @Test
    void aHomeAssistantArrivingLaterFindsEveryConfigRetainedWithTheKeysItNeeds() throws Exception {
        FirmwareRig device = device();
        int entities = FirmwareEntities.of(device.topics).size();
        homeAssistant().await(configsOf(device), entities, WAIT);

        List<HomeAssistantSide.Message> configs = homeAssistant().await(configsOf(device), entities, WAIT);

        for (HomeAssistantSide.Message config : configs) {
            assertUsable(device.topics, config);
        }
        assertEquals(List.of("button", "sensor", "switch"), configs.stream()
                .map(c -> c.topic().split("/")[1]).distinct().sorted().toList());
    }

    @Test
    void homeAssistantComingOnlineGetsTheConfigsAgain() throws Exception {
        FirmwareRig device = device();
        int entities = FirmwareEntities.of(device.topics).size();
        HomeAssistantSide homeAssistant = homeAssistant();
        homeAssistant.await(configsOf(device), entities, WAIT);

        homeAssistant.publish(PREFIX + "/status", HomeAssistantDiscovery.ONLINE);

        homeAssistant.await(configsOf(device), 2 * entities, WAIT);
    }

    @Test
    void pressingTheHaltButtonHaltsTheDevice() throws Exception {
        FirmwareRig device = device();
        TelemetryCollector collector = collector(device.topics);
        JsonNode halt = config(homeAssistant(), device, "button", FirmwareCommands.HALT);

        homeAssistant().publish(halt.get("command_topic").asText(), halt.get("payload_press").asText());

        CommandAck ack = awaitAck(collector, FirmwareCommands.HALT);
        assertTrue(ack.ok(), ack.error());
        assertEquals(HaltCause.COMMAND, device.firmware.halted());
    }

    @Test
    void switchingLearningOffReachesTheFirmwareAndItsHealthSaysSo() throws Exception {
        FirmwareRig device = device();
        TelemetryCollector collector = collector(device.topics);
        JsonNode learning = config(homeAssistant(), device, "switch", "learning");

        homeAssistant().publish(learning.get("command_topic").asText(), learning.get("payload_off").asText());

        assertTrue(awaitAck(collector, "set").ok());
        awaitHealth(collector, health -> !health.get("learning").asBoolean());
    }

    private static void assertUsable(Topics device, HomeAssistantSide.Message message) throws IOException {
        JsonNode config = JSON.readTree(message.payload());
        String[] levels = message.topic().split("/");
        assertEquals(5, levels.length, message.topic());
        assertEquals(device.deviceId(), levels[2], message.topic());
        assertEquals("aplysia_" + device.deviceId() + "_" + levels[3], config.get("unique_id").asText());
        assertTrue(config.hasNonNull("name"), message.toString());
        JsonNode availability = config.get("availability").get(0);
        assertEquals(device.status(), availability.get("topic").asText());
        assertEquals(Topics.ONLINE, availability.get("payload_available").asText());
        JsonNode block = config.get("device");
        assertEquals("aplysia_" + device.deviceId(), block.get("identifiers").get(0).asText());
        for (String key : List.of("name", "manufacturer", "model", "sw_version")) {
            assertTrue(block.hasNonNull(key), key + " in " + block);
        }
        String topic = levels[1].equals("sensor") ? "state_topic" : "command_topic";
        assertTrue(config.get(topic).asText().startsWith(device.root()), message.toString());
    }

    private JsonNode config(HomeAssistantSide homeAssistant, FirmwareRig device, String component, String objectId)
            throws Exception {
        String topic = PREFIX + "/" + component + "/" + device.topics.deviceId() + "/" + objectId + "/config";
        return JSON.readTree(homeAssistant.await(topic::equals, 1, WAIT).get(0).payload());
    }

    private static Predicate<String> configsOf(FirmwareRig device) {
        return topic -> topic.startsWith(PREFIX + "/") && topic.contains("/" + device.topics.deviceId() + "/")
                && topic.endsWith("/config");
    }

    private static CommandAck awaitAck(TelemetryCollector collector, String command) throws TimeoutException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (CommandAck ack : collector.acks()) {
                if (ack.command().equals(command)) {
                    return ack;
                }
            }
            LockSupport.parkNanos(10_000_000L);
        }
        throw new TimeoutException("no ack for '" + command + "' in " + WAIT + "; acks: " + collector.acks());
    }

    /** Waits for a health frame that passes {@code wanted}, frame after frame (one a second). */
    private static void awaitHealth(TelemetryCollector collector, Predicate<JsonNode> wanted) throws Exception {
        for (int count = 1; count <= WAIT.toSeconds(); count++) {
            JsonNode health = collector.awaitFrames(FirmwareHealth.STREAM, count, WAIT).get(count - 1).fields();
            if (wanted.test(health)) {
                return;
            }
        }
        throw new TimeoutException("no such health frame in " + collector.frames(FirmwareHealth.STREAM));
    }

    private FirmwareRig device() throws Exception {
        FirmwareRig device = new FirmwareRig("ha" + NEXT_ID.incrementAndGet(), broker.url());
        opened.add(device);
        return device;
    }

    private HomeAssistantSide homeAssistant() throws Exception {
        HomeAssistantSide side = new HomeAssistantSide(broker.url(), "hass-" + NEXT_ID.incrementAndGet(), PREFIX);
        opened.add(side);
        return side;
    }

    private TelemetryCollector collector(Topics device) throws Exception {
        TelemetryCollector collector = new TelemetryCollector(device,
                new PahoTransport(DeviceRig.settings(broker.url(), "host-" + NEXT_ID.incrementAndGet())));
        opened.add(collector);
        collector.start();
        collector.awaitConnected(WAIT);
        return collector;
    }
}
