package dev.aplysia.host.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.device.telemetry.LastWill;
import dev.aplysia.device.telemetry.Transport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A QoS floor lifts what is published below it and leaves the rest as asked. */
class QosFloorTest {

    private final List<String> published = new ArrayList<>();
    private final Transport recording = new Transport() {
        @Override
        public void connect(LastWill lastWill, ConnectionListener listener) {
        }

        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retained) {
            published.add(topic + " qos " + qos + (retained ? " retained" : ""));
        }

        @Override
        public void subscribe(String filter, MessageHandler handler) {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    @Test
    void floorOneLiftsStreamsToQosOneAndKeepsRetainedMessagesAsTheyAre() throws Exception {
        Transport floor = new QosFloor(recording, 1);

        floor.publish("s/telemetry/decisions", new byte[0], 0, false);
        floor.publish("s/telemetry/health", new byte[0], 1, true);

        assertEquals(List.of("s/telemetry/decisions qos 1", "s/telemetry/health qos 1 retained"), published);
    }

    @Test
    void floorZeroPublishesAsAsked() throws Exception {
        new QosFloor(recording, 0).publish("s/telemetry/decisions", new byte[0], 0, false);

        assertEquals(List.of("s/telemetry/decisions qos 0"), published);
    }

    @Test
    void onlyZeroAndOneAreFloors() {
        assertThrows(IllegalArgumentException.class, () -> new QosFloor(recording, 2));
    }
}
