package dev.aplysia.device.telemetry;

import java.nio.charset.StandardCharsets;

/**
 * The message a broker publishes for a client whose connection ends without a clean disconnect.
 *
 * @param qos 0 or 1
 */
public record LastWill(String topic, byte[] payload, int qos, boolean retained) {

    public LastWill {
        payload = payload.clone();
    }

    /** The device's will: {@code status} = {@value Topics#OFFLINE}, retained, QoS 1. */
    public static LastWill offline(Topics topics) {
        return new LastWill(topics.status(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
