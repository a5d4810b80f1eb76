package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two devices started with one id, through a real Mosquitto: the second notices the first (it answers the second's
 * probe on {@code run}) and refuses, instead of the two taking the id from each other twice a second.
 */
class DuplicateDeviceIdTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aSecondDeviceWithTheSameIdRefusesAndTheFirstStaysOnlineAndAnswering() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            try (DeviceRig first = new DeviceRig("twin", broker.url(), 64);
                 TelemetryCollector host = collector(broker, first.topics)) {
                host.awaitStatus(Topics.ONLINE, WAIT);
                assertTrue(host.command("set", Map.of("name", "learning-rate", "value", 0.1), WAIT).ok());

                try (DeviceRig second = new DeviceRig("twin", broker.url(), 64)) {
                    until(() -> second.publisher.conflict() != null, "the second device sees the conflict");

                    assertTrue(second.publisher.conflict().contains("twin")
                            && second.publisher.conflict().contains("already in use"), second.publisher.conflict());
                    assertTrue(host.command("set", Map.of("name", "learning-rate", "value", 0.2), WAIT).ok());
                    assertEquals(2, first.applied.size(), "the first device applied both, the second none");
                    assertEquals(0, second.applied.size());
                    assertNull(first.publisher.conflict());
                }
                assertTrue(host.command("set", Map.of("name", "learning-rate", "value", 0.3), WAIT).ok());
                assertEquals(List.of(Topics.ONLINE), host.statuses(), "no flapping, and the second left no will");
            }
        }
    }

    @Test
    void aRetainedOnlineWithNoLiveRunBehindItDoesNotStopADevice() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            // What a run killed while the broker was away leaves: online, and a claim nobody answers for.
            Topics ghost = Topics.of("ghost");
            try (RawMqtt raw = new RawMqtt(broker.port())) {
                raw.publish(ghost.status(), Topics.ONLINE, true);
                raw.publish(ghost.run(), "{\"run\":\"dead0000\"}", true);
            }
            try (DeviceRig device = new DeviceRig("ghost", broker.url(), 64);
                 TelemetryCollector host = collector(broker, ghost)) {
                host.awaitMeta(WAIT);
                CommandAck ack = host.command("set", Map.of("name", "learning-rate", "value", 0.1), WAIT);

                assertTrue(ack.ok(), ack.toString());
                assertNull(device.publisher.conflict());
            }
        }
    }

    private static TelemetryCollector collector(MosquittoBroker broker, Topics device) throws Exception {
        TelemetryCollector collector = new TelemetryCollector(device,
                new PahoTransport(DeviceRig.settings(broker.url(), "host-" + device.deviceId())));
        collector.start();
        return collector;
    }

    private static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
