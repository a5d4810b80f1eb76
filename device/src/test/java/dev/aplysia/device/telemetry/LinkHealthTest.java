package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHealthTest {

    private final LinkHealth health = new LinkHealth();

    @Test
    void aBrokerThatStaysAwayIsOneEventPerReasonButEveryAttemptIsCounted() {
        List<String> heard = new ArrayList<>();
        health.listen(e -> heard.add(e.kind().wireName() + ": " + e.detail()));

        health.report(LinkHealth.Kind.CONNECT_FAILED, "connection refused");
        health.report(LinkHealth.Kind.CONNECT_FAILED, "connection refused");
        health.report(LinkHealth.Kind.CONNECT_FAILED, "no answer in time");
        health.report(LinkHealth.Kind.CONNECTED, "connected");
        health.report(LinkHealth.Kind.CONNECT_FAILED, "connection refused");

        assertEquals(List.of("connect-failed: connection refused", "connect-failed: no answer in time",
                "connected: connected", "connect-failed: connection refused"), heard);
        assertEquals(4, health.count(LinkHealth.Kind.CONNECT_FAILED));
        assertEquals("connection refused", health.lastFailure());
    }

    @Test
    void ignoredMessagesAreCountedNotQueuedForPublication() {
        health.report(LinkHealth.Kind.IGNORED, "a message on x");

        assertNull(health.nextToPublish());
        assertEquals(1, health.count(LinkHealth.Kind.IGNORED));
    }

    @Test
    void beyondItsCapacityTheOldestUnpublishedEventIsDroppedAndCounted() {
        for (int i = 0; i <= LinkHealth.PENDING_CAPACITY; i++) {
            health.report(LinkHealth.Kind.LOST, "loss " + i);
        }

        assertEquals("loss 1", health.nextToPublish().detail());
        assertEquals(1, health.eventsDropped());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheReport() {
        List<String> heard = new ArrayList<>();
        health.listen(e -> {
            throw new IllegalStateException("broken listener");
        });
        health.listen(e -> heard.add(e.detail()));

        health.report(LinkHealth.Kind.RESTARTED, "receive loop");

        assertEquals(List.of("receive loop"), heard);
        assertEquals("receive loop", health.nextToPublish().detail());
    }
}
