package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aplysia.device.command.Command;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device → broker → collector round trip, written once and run against each broker: a subclass supplies the
 * broker. The device reaches the broker through a {@link TcpRelay} so a test can cut or hold its connection; the
 * collector connects directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerRoundTripContract {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private TestBroker broker;
    private TcpRelay relay;

    /** The broker under test, not started yet. */
    abstract TestBroker newBroker() throws Exception;

    /** Why the broker cannot run on this machine, or null if it can. */
    String unavailableReason() {
        return null;
    }

    /**
     * A fresh broker for every test: a test whose clients vanish abruptly can leave the embedded Moquette with a dead
     * session loop (its {@code IllegalReferenceCountException} on a reset connection), which must not fail the tests
     * after it.
     */
    @BeforeEach
    void startBroker() throws Exception {
        RequiredPackage.require(unavailableReason() == null, String.valueOf(unavailableReason()));
        broker = newBroker();
        broker.start();
        relay = new TcpRelay(broker.port());
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        opened.clear();
        if (relay != null) {
            relay.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyFrameArrivesInOrderWithoutGaps() throws Exception {
        DeviceRig device = device(1024);
        TelemetryCollector collector = collector(device.topics);
        collector.awaitStatus(Topics.ONLINE, WAIT);

        device.send(300);

        List<ReceivedFrame> frames = collector.awaitFrames("accuracy", 300, WAIT);
        assertEquals(LongStream.range(0, 300).boxed().toList(), frames.stream().map(ReceivedFrame::seq).toList());
        assertEquals(0.299, frames.get(299).number("acc"));
        assertEquals(299, frames.get(299).tick());
        assertEquals(0, collector.gaps("accuracy").missingCount());
        assertEquals(0, collector.malformed());
    }

    @Test
    void aLateSubscriberSeesTheRetainedStatusAndMeta() throws Exception {
        DeviceRig device = device(16);
        collector(device.topics).awaitMeta(WAIT);

        TelemetryCollector late = collector(device.topics);

        late.awaitStatus(Topics.ONLINE, WAIT);
        JsonNode meta = late.awaitMeta(WAIT);
        assertEquals(1, meta.get("schema").asInt());
        assertEquals(device.topics.deviceId(), meta.get("device").asText());
        assertEquals("Q1.14", meta.get("format.weight").asText());
        assertEquals(100, meta.get("shape").get(1).asInt());
    }

    @Test
    void whenTheDevicesConnectionDiesTheLastWillSaysOfflineAndStaysRetained() throws Exception {
        DeviceRig device = device(16);
        TelemetryCollector collector = collector(device.topics);
        collector.awaitStatus(Topics.ONLINE, WAIT);

        relay.hold();
        relay.cut();

        collector.awaitStatus(Topics.OFFLINE, WAIT);
        collector(device.topics).awaitStatus(Topics.OFFLINE, WAIT);
        relay.release();
        collector.awaitStatus(Topics.ONLINE, WAIT);
    }

    @Test
    void afterABrokerRestartTheQueuedFramesArriveInOrderAndOnlyTheDroppedOnesAreMissing() throws Exception {
        DeviceRig device = device(12);
        TelemetryCollector collector = collector(device.topics);
        device.send(10);
        collector.awaitFrames("accuracy", 10, WAIT);
        long collectorConnections = collector.connections();

        relay.hold();
        broker.stop();
        until(() -> !device.publisher.isConnected(), "the device notices the broker is gone", WAIT);
        device.send(20);
        broker.start();
        until(() -> collector.connections() > collectorConnections, "the collector reconnects", WAIT);
        relay.release();

        List<ReceivedFrame> frames = collector.awaitFrames("accuracy", 22, WAIT);
        List<Long> expected = new ArrayList<>(LongStream.range(0, 10).boxed().toList());
        expected.addAll(LongStream.range(18, 30).boxed().toList());
        assertEquals(expected, frames.stream().map(ReceivedFrame::seq).toList());
        assertEquals(8, device.queue.dropped());
        StreamGaps gaps = collector.gaps("accuracy");
        assertEquals(List.of(new SeqRange(10, 17)), gaps.missing());
        assertEquals(8, gaps.missingCount());
        collector.awaitStatus(Topics.ONLINE, WAIT);
    }

    @Test
    void commandsAreAckedAfterTheFirmwareAppliesThemAndRefusedWithTheReason() throws Exception {
        DeviceRig device = device(16);
        TelemetryCollector collector = collector(device.topics);
        collector.awaitStatus(Topics.ONLINE, WAIT);

        CommandAck set = collector.command("set", Map.of("name", "learning-rate", "value", 0.25), WAIT);
        CommandAck tooHigh = collector.command("set", Map.of("name", "learning-rate", "value", 1.5), WAIT);
        CommandAck load = collector.command("load-weights",
                Map.of("projection", "readout", "offset", 256, "weights", new double[] {0.5, -0.5, 1}), WAIT);
        CommandAck snapshot = collector.command("snapshot", Map.of(), WAIT);

        assertTrue(set.ok(), set.toString());
        assertEquals("value 1.5 is outside [0, 1] for parameter 'learning-rate'", tooHigh.error());
        assertTrue(load.ok(), load.toString());
        assertEquals("no storage on this board", snapshot.error());
        List<String> applied = device.applied.stream().map(Command::name).toList();
        assertEquals(List.of("set", "load-weights"), applied);
        Command weights = device.applied.get(1);
        assertEquals(256, weights.integer("offset"));
        assertEquals(-0.5, weights.number("weights", 1));
    }

    @Test
    void aCommandNameTheDeviceDoesNotKnowIsNeverRoutedToIt() throws Exception {
        DeviceRig device = device(16);
        TelemetryCollector collector = collector(device.topics);
        collector.awaitStatus(Topics.ONLINE, WAIT);
        try (PahoTransport sender = new PahoTransport(DeviceRig.settings(broker.url(), "sender-"
                + NEXT_ID.incrementAndGet()))) {
            sender.connect(null, IGNORE);
            sender.publish(device.topics.command("fly"), "{\"id\":\"fly-1\"}".getBytes(StandardCharsets.UTF_8), 1,
                    false);
        }

        CommandAck set = collector.command("set", Map.of("name", "learning-rate", "value", 0.25), WAIT);

        assertTrue(set.ok(), set.toString());
        assertEquals(List.of("set"), collector.acks().stream().map(CommandAck::command).toList(),
                "a refusal of 'fly' would have been answered before 'set' was applied");
    }

    private static final dev.aplysia.device.telemetry.Transport.ConnectionListener IGNORE =
            new dev.aplysia.device.telemetry.Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            };

    private DeviceRig device(int queueCapacity) throws Exception {
        DeviceRig device = new DeviceRig("d" + NEXT_ID.incrementAndGet(), relay.url(), queueCapacity);
        opened.add(device);
        return device;
    }

    private TelemetryCollector collector(Topics device) throws Exception {
        TelemetryCollector collector = new TelemetryCollector(device,
                new PahoTransport(DeviceRig.settings(broker.url(), "host-" + NEXT_ID.incrementAndGet())));
        opened.add(collector);
        collector.start();
        return collector;
    }

    private static void until(BooleanSupplier condition, String what, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
