package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A collector with a history bound, as {@code host watch} runs one per device for hours. */
class CollectorHistoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void itKeepsTheLatestFramesOfAStreamButCountsEveryFrameAndTellsItsListenerOfEach() throws Exception {
        Topics device = Topics.of("bounded-1");
        List<String> heard = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             TelemetryCollector collector = new TelemetryCollector(device, new PahoTransport(
                     MqttSettings.of(broker.url(), "host-bounded-1")), 3);
             PahoTransport sender = new PahoTransport(MqttSettings.of(broker.url(), "sender-bounded-1"))) {
            collector.listen((kind, name, body) -> heard.add(kind + " " + name + " " + seq(body)));
            collector.start();
            collector.awaitConnected(WAIT);
            sender.connect(null, new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            });

            for (int seq = 0; seq < 5; seq++) {
                sender.publish(device.telemetry("decisions"), frame(seq), 1, false);
            }
            sender.publish(device.status(), Topics.ONLINE.getBytes(StandardCharsets.UTF_8), 1, true);
            collector.awaitStatus(Topics.ONLINE, WAIT);
            awaitHeard(heard, 6);

            assertEquals(List.of(2L, 3L, 4L), collector.frames("decisions").stream().map(ReceivedFrame::seq).toList());
            assertEquals(5, collector.gaps("decisions").received());
            assertEquals(List.of("decisions"), collector.streams());
            assertEquals(List.of("TELEMETRY decisions 0", "TELEMETRY decisions 1", "TELEMETRY decisions 2",
                    "TELEMETRY decisions 3", "TELEMETRY decisions 4", "STATUS  online"), heard);
        }
    }

    /**
     * Waits until the listener has heard {@code count} messages: it is told after the message is recorded, so a
     * waiter on the record can wake first.
     */
    private static void awaitHeard(List<String> heard, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (heard.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String seq(JsonNode body) {
        return body.isTextual() ? body.asText() : body.get("seq").asText();
    }

    private static byte[] frame(int seq) {
        return ("{\"seq\":" + seq + ",\"tick\":" + (10 + seq) + ",\"ts\":1767225600000,\"uptime_ms\":" + seq
                + ",\"decided\":1}").getBytes(StandardCharsets.UTF_8);
    }
}
