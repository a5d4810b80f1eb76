package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a fault campaign threw at a device through a real Mosquitto: topics Paho 1.2.5 cannot decode (its receive
 * thread dies on a character outside the Basic Multilingual Plane, eclipse-paho/paho.mqtt.java#818), control
 * characters, oversize and invalid UTF-8 payloads, topics under the device's tree that are not commands. After each,
 * the device must still answer commands and publish telemetry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private MosquittoBroker broker;

    @BeforeAll
    void startBroker() throws Exception {
        if (MosquittoBroker.available()) {
            broker = new MosquittoBroker(Files.createTempDirectory("aplysia-hostile"));
            broker.start();
        }
    }

    @BeforeEach
    void requireBroker() {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at "
                + MosquittoBroker.BINARY + ": skipping the hostile-message tests");
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        opened.clear();
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aCommandTopicOutsideTheBasicMultilingualPlaneLeavesTheDeviceAnsweringAndPublishing() throws Exception {
        DeviceRig device = device();
        TelemetryCollector host = collector(device.topics);
        host.awaitStatus(Topics.ONLINE, WAIT);

        publish(device.topics.root() + "cmd/\uD83D\uDCA5", "{}", false);

        assertAnswersAndPublishes(device);
    }

    @Test
    void aRetainedHostileTopicDoesNotDeafenADeviceThatStartsAfterIt() throws Exception {
        String id = "d" + NEXT_ID.incrementAndGet();
        String hostile = Topics.of(id).root() + "cmd/\uD83D\uDCA5";
        publish(hostile, "{}", true);
        try {
            DeviceRig device = device(id);
            collector(device.topics).awaitStatus(Topics.ONLINE, WAIT);

            assertAnswersAndPublishes(device);
        } finally {
            publish(hostile, "", true);
        }
    }

    @Test
    void noHostileTopicOrPayloadStopsTheDeviceAnswering() throws Exception {
        DeviceRig device = device();
        TelemetryCollector host = collector(device.topics);
        host.awaitStatus(Topics.ONLINE, WAIT);
        String root = device.topics.root();

        for (String topic : List.of(root + "cmd/\uD83D\uDE00/ack", root + "cmd/a\u0007b", root + "cmd/\uFDD0",
                root + "cmd/\uFFFE", root + "telemetry/\uD83D\uDCA5", root + "status/\uD83D\uDCA5", root + "x/y/z",
                root + "cmd/set/extra", root + "cmd/ack", root + "cmd/x/ack")) {
            publish(topic, "{}", false);
        }
        publish(root + "cmd/set", new byte[1 << 20], false);
        publish(root + "cmd/set", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, false);
        publish(root + "cmd/set", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x92, (byte) 0xA5}, false);

        assertAnswersAndPublishes(device);
    }

    @Test
    void aPublishOnTheDevicesOwnAckTopicsIsIgnoredWithoutALoggedTrace() throws Exception {
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger aplysia = java.util.logging.Logger.getLogger("dev.aplysia");
        aplysia.addHandler(capture);
        try {
            DeviceRig device = device();
            collector(device.topics).awaitStatus(Topics.ONLINE, WAIT);

            publish(device.topics.root() + "cmd/ack", "{\"ok\":true}", false);
            publish(device.topics.root() + "cmd/x/ack", "{\"ok\":true}", false);

            assertAnswersAndPublishes(device);
            assertEquals(List.of(), logged.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        } finally {
            aplysia.removeHandler(capture);
        }
    }

    @Test
    void aSubscriberWhoseReceiveLoopAHostileTopicKilledIsRestartedReportedAndHearsAgain() throws Exception {
        List<String> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        try (PahoTransport subscriber = new PahoTransport(DeviceRig.settings(broker.url(), "wide-subscriber"))) {
            subscriber.subscribe("hostile/#", (topic, payload) -> heard.add(topic));
            subscriber.connect(null, new dev.aplysia.device.telemetry.Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void restarted(String what) {
                    restarts.add(what);
                }
            });

            publish("hostile/\uD83D\uDCA5", "{}", false);

            long deadline = System.nanoTime() + WAIT.toNanos();
            String topic;
            do {
                publish("hostile/ok", "{}", false);
                topic = heard.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } while (topic == null && System.nanoTime() < deadline);
            assertEquals("hostile/ok", topic, "heard again after the hostile topic");
            assertEquals(1, restarts.size(), restarts.toString());
            assertTrue(restarts.get(0).contains("receive loop died") && restarts.get(0).contains("Invalid UTF-8"),
                    restarts.get(0));
        }
    }

    /**
     * The device answers a command and its frames arrive, seen by a collector that joins after the hostile messages
     * (a collector subscribed to the whole tree receives them too; its own recovery is {@code PahoTransport}'s).
     */
    private void assertAnswersAndPublishes(DeviceRig device) throws Exception {
        TelemetryCollector host = collector(device.topics);
        host.awaitStatus(Topics.ONLINE, WAIT);
        CommandAck ack = host.command("set", Map.of("name", "learning-rate", "value", 0.5), WAIT);
        assertTrue(ack.ok(), ack.toString());
        device.send(5);
        assertEquals(5, host.awaitFrames("accuracy", 5, WAIT).size());
    }

    /** Publishes through a raw client of its own (Mosquitto may drop it for a topic it refuses). */
    private void publish(String topic, Object payload, boolean retained) throws Exception {
        try (RawMqtt raw = new RawMqtt(broker.port())) {
            if (payload instanceof byte[] bytes) {
                raw.publish(topic, bytes, retained);
            } else {
                raw.publish(topic, (String) payload, retained);
            }
        } catch (java.io.IOException e) {
            // Mosquitto closes the connection of a client whose topic it refuses: nothing reached the device.
        }
    }

    private DeviceRig device() throws Exception {
        return device("d" + NEXT_ID.incrementAndGet());
    }

    private DeviceRig device(String id) throws Exception {
        DeviceRig device = new DeviceRig(id, broker.url(), 64);
        opened.add(device);
        return device;
    }

    private TelemetryCollector collector(Topics device) throws Exception {
        TelemetryCollector collector = new TelemetryCollector(device,
                new PahoTransport(DeviceRig.settings(broker.url(), "host-h" + NEXT_ID.incrementAndGet())));
        opened.add(collector);
        collector.start();
        return collector;
    }
}
