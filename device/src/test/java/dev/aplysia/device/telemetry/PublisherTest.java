package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.command.Command;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.wire.FlatJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Topics topics = Topics.of("board-7");
    private final FakeTransport transport = new FakeTransport();
    private final TelemetryQueue queue = new TelemetryQueue(4, 128);
    private final Telemetry telemetry = new Telemetry(queue);
    private final FrameChannel accuracy = telemetry.stream("accuracy");
    private final FrameChannel overrun = telemetry.event("overrun");
    private final CommandProcessor commands = new CommandProcessor(new CommandCatalog().specs(), 4);
    private final DeviceMeta meta = new DeviceMeta("0.1.0", "rp2040", "digits", new int[] {64, 10},
            Map.of("weight", "Q1.14"));
    private final Publisher publisher = new Publisher(topics, telemetry, commands, meta, transport);
    private final Predicate<String> status = t -> t.equals(topics.status());
    private final Predicate<String> frames = t -> t.equals(topics.telemetry("accuracy"));

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void onConnectingItAnnouncesOnlineAndMetaRetainedAtQos1WithOfflineAsTheWill() throws Exception {
        publisher.start();

        List<FakeTransport.Sent> sent = transport.await(t -> !t.equals(topics.run()), 2, WAIT);

        assertEquals(new FakeTransport.Sent(topics.status(), "online", 1, true), sent.get(0));
        String announced = new String(meta.toJson("board-7", commands.names()), StandardCharsets.UTF_8);
        assertEquals(new FakeTransport.Sent(topics.meta(), announced, 1, true), sent.get(1));
        assertEquals(topics.status(), transport.lastWill().topic());
        assertEquals("offline", new String(transport.lastWill().payload(), StandardCharsets.UTF_8));
        assertEquals(1, transport.lastWill().qos());
        assertTrue(transport.lastWill().retained());
    }

    @Test
    void framesArePublishedInOrderOnTheirChannelsTopicAndQos() throws Exception {
        publisher.start();

        send(accuracy, 3);
        overrun.begin(9);
        overrun.send();

        assertEquals(List.of(0L, 1L, 2L), seqs(transport.await(frames, 3, WAIT)));
        FakeTransport.Sent event = transport.await(t -> t.equals(topics.event("overrun")), 1, WAIT).get(0);
        assertEquals(1, event.qos());
        assertEquals(0, transport.sentTo(frames).get(0).qos());
    }

    @Test
    void whileTheBrokerIsAwayFramesWaitAndAfterReconnectionTheSurvivorsArriveInOrder() throws Exception {
        publisher.start();
        send(accuracy, 3);
        transport.await(frames, 3, WAIT);

        transport.drop();
        send(accuracy, 10);
        transport.restore();

        assertEquals(List.of(0L, 1L, 2L, 9L, 10L, 11L, 12L), seqs(transport.await(frames, 7, WAIT)));
        assertEquals(6, queue.dropped());
        assertEquals(List.of("online", "online"), transport.await(status, 2, WAIT).stream()
                .map(FakeTransport.Sent::payload).toList(), "announced again after reconnecting");
        assertEquals(2, publisher.connections());
    }

    @Test
    void theFirstConnectionIsRetriedUntilTheBrokerIsReachable() throws Exception {
        transport.reachable(false);
        publisher.start();
        send(accuracy, 2);
        transport.awaitConnectAttempts(1, WAIT);

        transport.reachable(true);

        assertEquals(List.of(0L, 1L), seqs(transport.await(frames, 2, WAIT)));
        assertTrue(transport.connectAttempts() >= 2);
        assertTrue(publisher.failures() >= 1);
    }

    @Test
    void connectionFailuresArePublishedOnEventLinkOnceConnectedOncePerReason() throws Exception {
        transport.reachable(false);
        publisher.start();
        transport.awaitConnectAttempts(3, WAIT);

        transport.reachable(true);

        List<FakeTransport.Sent> link = transport.await(t -> t.equals(topics.event("link")), 2, WAIT);
        assertTrue(link.get(0).payload().startsWith("{\"seq\":0,\"tick\":-1,\"ts\":"), link.get(0).payload());
        assertTrue(link.get(0).payload().endsWith(
                "\"what\":\"connect-failed\",\"detail\":\"unreachable\",\"count\":1}"), link.get(0).payload());
        assertTrue(link.get(1).payload().contains("\"what\":\"connected\""), link.get(1).payload());
        assertEquals(1, link.get(0).qos());
        assertTrue(publisher.health().count(LinkHealth.Kind.CONNECT_FAILED) >= 3);
    }

    @Test
    void commandsReachTheProcessorAndTheirAcksArePublished() throws Exception {
        publisher.start();
        transport.await(status, 1, WAIT);

        transport.deliver(topics.command("start"), "{\"id\":\"h-1\",\"experiment\":\"digits\"}");
        transport.deliver(topics.command("start"), "{\"id\":\"h-2\"}");
        Command start = commands.poll();
        commands.acknowledge(start);

        Predicate<String> acks = t -> t.equals(topics.ack("start"));
        List<String> answers = transport.await(acks, 2, WAIT).stream().map(FakeTransport.Sent::payload).toList();
        assertEquals(List.of(
                "{\"ok\":false,\"id\":\"h-2\",\"command\":\"start\",\"error\":\"missing field 'experiment' (text)\"}",
                "{\"ok\":true,\"id\":\"h-1\",\"command\":\"start\"}"), answers);
        assertEquals("digits", start.text("experiment"));
    }

    @Test
    void aRoundThatThrowsDoesNotStopThePublisher() throws Exception {
        publisher.start();
        transport.await(t -> t.equals(topics.event("link")), 1, WAIT);

        transport.failNextPublish(new IllegalStateException("a bug in the client library"));
        send(accuracy, 3);

        assertEquals(List.of(1L, 2L), seqs(transport.await(frames, 2, WAIT)), "the frame in hand is dropped");
        assertEquals(1, publisher.health().count(LinkHealth.Kind.RESTARTED));
        String report = transport.await(t -> t.equals(topics.event("link")), 2, WAIT).get(1).payload();
        assertTrue(report.contains("\"what\":\"restarted\"") && report.contains("a bug in the client library"),
                report);
    }

    @Test
    void closingPublishesOfflineAndClosesTheTransport() throws Exception {
        publisher.start();
        transport.await(status, 1, WAIT);

        publisher.close();

        assertEquals("offline", transport.sentTo(status).get(1).payload());
        assertTrue(transport.isClosed());
    }

    @Test
    void aRetainedStreamsFramesArePublishedRetainedAtQos1() throws Exception {
        FrameChannel health = telemetry.retainedStream("health");
        publisher.start();

        send(health, 1);

        FakeTransport.Sent sent = transport.await(t -> t.equals(topics.telemetry("health")), 1, WAIT).get(0);
        assertEquals(1, sent.qos());
        assertTrue(sent.retained());
    }

    @Test
    void announcementsFollowStatusAndMetaRetainedAtQos1OnEveryConnection() throws Exception {
        publisher.announceAlso(new TwoConfigs());
        publisher.start();
        transport.await(t -> t.startsWith("ha/"), 2, WAIT);

        transport.drop();
        transport.restore();

        List<FakeTransport.Sent> sent = transport.await(t -> t.startsWith("ha/"), 4, WAIT);
        assertEquals(new FakeTransport.Sent("ha/a/config", "{\"a\":1}", 1, true), sent.get(0));
        assertEquals(new FakeTransport.Sent("ha/b/config", "{\"b\":2}", 1, true), sent.get(1));
        assertEquals(sent.subList(0, 2), sent.subList(2, 4));
        List<String> order = transport.sent().stream().map(FakeTransport.Sent::topic).toList();
        assertTrue(order.indexOf(topics.meta()) < order.indexOf("ha/a/config"), order.toString());
    }

    @Test
    void aRequestOnTheAnnouncementsFilterAnnouncesAgain() throws Exception {
        publisher.announceAlso(new TwoConfigs());
        publisher.start();
        transport.await(t -> t.equals("ha/a/config"), 1, WAIT);

        transport.deliver("ha/status", "online");

        transport.await(t -> t.equals("ha/a/config"), 2, WAIT);
    }

    /** Two retained configs under {@code ha/}, announced again when {@code ha/status} says {@code online}. */
    private static final class TwoConfigs implements Announcement {

        @Override
        public List<Message> messages() {
            return List.of(new Message("ha/a/config", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                    new Message("ha/b/config", "{\"b\":2}".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String requestFilter() {
            return "ha/status";
        }

        @Override
        public boolean isRequest(String topic, byte[] payload) {
            return new String(payload, StandardCharsets.UTF_8).equals("online");
        }
    }

    private static void send(FrameChannel channel, int count) {
        for (int i = 0; i < count; i++) {
            channel.begin(i).field("acc", 0.5, 1);
            channel.send();
        }
    }

    private static List<Long> seqs(List<FakeTransport.Sent> sent) {
        FlatJson json = new FlatJson(8, 128, 8);
        return sent.stream().map(s -> (long) json.parse(s.payload().getBytes(StandardCharsets.UTF_8))
                .number(json.indexOf("seq"))).toList();
    }
}
