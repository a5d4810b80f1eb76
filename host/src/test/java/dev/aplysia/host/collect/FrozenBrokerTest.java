package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker frozen (SIGSTOP) while the device starts accepts its TCP connection and answers nothing: every connection
 * attempt outlives its wait. Once the broker goes on (SIGCONT), the device must connect and publish.
 */
class FrozenBrokerTest {

    /** Longer than the rig's connect timeout (2 s) and operation timeout (5 s): several attempts hang. */
    private static final Duration FREEZE = Duration.ofSeconds(8);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aDeviceStartedWhileTheBrokerIsFrozenConnectsAndPublishesOnceItAnswers() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at "
                + MosquittoBroker.BINARY + ": skipping the frozen-broker test");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            broker.freeze();
            try (DeviceRig device = new DeviceRig("frozen", broker.url(), 64)) {
                device.send(3);
                Thread.sleep(FREEZE.toMillis());
                broker.thaw();

                try (TelemetryCollector host = new TelemetryCollector(device.topics,
                        new PahoTransport(DeviceRig.settings(broker.url(), "host-frozen")))) {
                    host.start();
                    host.awaitStatus(Topics.ONLINE, WAIT);
                    CommandAck ack = host.command("set", Map.of("name", "learning-rate", "value", 0.5), WAIT);
                    device.send(2);

                    assertTrue(ack.ok(), ack.toString());
                    assertEquals(2, host.awaitFrames("accuracy", 2, WAIT).size());
                    assertTrue(device.publisher.isConnected());
                }
            }
        }
    }
}
