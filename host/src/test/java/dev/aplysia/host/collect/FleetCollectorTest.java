package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.LastWill;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet collector: its filters, gaps per device and stream, latency, and payloads that are not frames. */
class FleetCollectorTest {

    private final List<String> filters = new ArrayList<>();
    private final List<Transport.MessageHandler> handlers = new ArrayList<>();
    private final Transport fake = new Transport() {
        @Override
        public void connect(LastWill lastWill, ConnectionListener listener) {
        }

        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retained) {
        }

        @Override
        public void subscribe(String filter, MessageHandler handler) {
            filters.add(filter);
            handlers.add(handler);
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    private void deliver(String topic, String payload) {
        handlers.get(0).onMessage(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String frame(long seq) {
        return "{\"seq\":" + seq + ",\"tick\":1,\"ts\":" + System.currentTimeMillis() + ",\"uptime_ms\":1}";
    }

    @Test
    void aGroupMemberSubscribesToEveryDevicesStreamsAndEventsUnderTheSharedPrefix() throws Exception {
        new FleetCollector(Topics.DEFAULT_PREFIX, "collectors", fake, FleetCollector.FrameListener.NONE).start();

        assertEquals(List.of("$share/collectors/aplysia/v1/+/telemetry/+", "$share/collectors/aplysia/v1/+/event/+"),
                filters);
    }

    @Test
    void gapsAreFollowedPerDeviceAndStreamAndEveryFrameHasALatency() throws Exception {
        FleetCollector host = new FleetCollector(Topics.DEFAULT_PREFIX, null, fake, FleetCollector.FrameListener.NONE);
        host.start();

        deliver("aplysia/v1/a/telemetry/decisions", frame(0));
        deliver("aplysia/v1/a/telemetry/decisions", frame(3));
        deliver("aplysia/v1/b/telemetry/decisions", frame(0));
        deliver("aplysia/v1/b/event/checkpoint", frame(0));

        FleetCollector.Ingest ingest = host.ingest();
        assertEquals(4, ingest.frames());
        assertEquals(2, ingest.missing(), "frames 1 and 2 of a's decisions");
        assertEquals(3, ingest.streams().size());
        assertEquals(4, ingest.latency().getTotalCount());
    }

    @Test
    void aPayloadThatIsNotAFrameIsCountedAndNamed() throws Exception {
        FleetCollector host = new FleetCollector(Topics.DEFAULT_PREFIX, null, fake, FleetCollector.FrameListener.NONE);
        host.start();

        deliver("aplysia/v1/a/telemetry/decisions", "{\"tick\":1}");
        deliver("aplysia/v1/a/telemetry/decisions", "\u0000\u0001");

        FleetCollector.Ingest ingest = host.ingest();
        assertEquals(0, ingest.frames());
        assertEquals(2, ingest.malformed());
        assertTrue(ingest.lastMalformed().startsWith("aplysia/v1/a/telemetry/decisions: "), ingest.lastMalformed());
    }

    @Test
    void theLedgerJudgesTheUnionOfMembers() {
        FrameLedger ledger = new FrameLedger();
        ledger.onFrame("a", "decisions", 1);
        ledger.onFrame("a", "decisions", 0);
        ledger.onFrame("a", "decisions", 3);
        ledger.onFrame("a", "decisions", 3);

        assertEquals(3, ledger.distinct(key -> true));
        assertEquals(1, ledger.duplicates(key -> true));
        assertEquals(1, ledger.missing(key -> true), "frame 2");
    }
}
