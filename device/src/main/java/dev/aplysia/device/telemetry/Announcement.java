package dev.aplysia.device.telemetry;

import java.util.List;

/**
 * Retained messages that a {@link Publisher} sends on every connection, after {@code status} and {@code meta}, and a
 * topic on which another client can ask for them again (Home Assistant's birth message, for one). Built during setup;
 * called on the publisher's and the transport's threads, so implementations are immutable.
 */
public interface Announcement {

    /** The messages, each published retained at QoS 1. */
    List<Message> messages();

    /** The topic filter on which a message may ask for the announcement again; null for none. */
    String requestFilter();

    /** True if {@code payload}, arrived on {@code topic} (matching {@link #requestFilter()}), asks for it again. */
    boolean isRequest(String topic, byte[] payload);

    /** One retained message. */
    record Message(String topic, byte[] payload) {

        public Message {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }
}
