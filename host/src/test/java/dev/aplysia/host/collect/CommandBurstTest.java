package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands fired as fast as a client can publish them at QoS 1, through a real Mosquitto, at a device whose inbox
 * holds 8: every one must be answered, applied ({@code ok}) or refused as {@code busy}, none left without a reply.
 */
class CommandBurstTest {

    private static final int COMMANDS = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Transport.ConnectionListener IGNORE = new Transport.ConnectionListener() {
        @Override
        public void connected(boolean reconnect) {
        }

        @Override
        public void connectionLost(Throwable cause) {
        }
    };

    @TempDir
    Path dir;

    @Test
    void everyCommandOfABurstIsAnsweredAppliedOrBusy() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at "
                + MosquittoBroker.BINARY + ": skipping the command burst");
        // Mosquitto queues at most 1000 QoS 1 messages for a subscriber that falls behind and drops the rest; a loaded
        // CI machine can slow the collector that far behind 2,000 acks, so this broker queues them all.
        try (MosquittoBroker broker = new MosquittoBroker(dir, List.of("allow_anonymous true",
                "max_queued_messages " + 2 * COMMANDS))) {
            broker.start();
            try (DeviceRig device = new DeviceRig("burst", broker.url(), 64);
                 TelemetryCollector host = new TelemetryCollector(device.topics,
                         new PahoTransport(DeviceRig.settings(broker.url(), "host-burst")));
                 PahoTransport sender = new PahoTransport(DeviceRig.settings(broker.url(), "sender-burst"))) {
                host.start();
                host.awaitStatus(Topics.ONLINE, Duration.ofSeconds(10));
                sender.connect(null, IGNORE);

                long start = System.nanoTime();
                for (int i = 0; i < COMMANDS; i++) {
                    byte[] command = ("{\"id\":\"b-" + i + "\",\"name\":\"learning-rate\",\"value\":0.5}")
                            .getBytes(StandardCharsets.UTF_8);
                    sender.publish(device.topics.command("set"), command, 1, false);
                }
                double perSecond = COMMANDS / ((System.nanoTime() - start) / 1e9);
                awaitAcks(host, device, COMMANDS);

                Set<String> answered = host.acks().stream().map(CommandAck::id).collect(Collectors.toSet());
                long busy = host.acks().stream().filter(a -> !a.ok()).count();
                System.out.printf("burst: %d commands at %.0f/s, %d answered, %d applied, %d busy%n", COMMANDS,
                        perSecond, answered.size(), COMMANDS - busy, busy);
                assertEquals(COMMANDS, answered.size());
                assertEquals(COMMANDS, host.acks().size(), "exactly one answer each");
                assertTrue(host.acks().stream().allMatch(a -> a.ok() || a.body().path("busy").asBoolean()),
                        "every refusal is a busy refusal");
                assertEquals(COMMANDS - busy, device.applied.size());
                assertEquals(busy, device.commands.busy());
                assertEquals(0, device.commands.unanswered());
            }
        }
    }

    private static void awaitAcks(TelemetryCollector host, DeviceRig device, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (host.acks().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + host.acks().size() + " of " + count + " commands answered in "
                        + WAIT + "; the device counts " + device.commands.busy() + " busy, "
                        + device.commands.unanswered() + " unanswered");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
