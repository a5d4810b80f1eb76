package dev.aplysia.host.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One telemetry frame or event as the collector received it.
 *
 * @param name       the stream name or event type
 * @param seq        the channel's frame number
 * @param tick       the device's tick the frame describes, counted from boot
 * @param ts         the device's wall-clock time when it wrote the frame, milliseconds since the Unix epoch
 * @param fields     the whole payload, {@code seq}, {@code tick}, {@code ts} and {@code uptime_ms} included
 * @param receivedAt host wall-clock time of arrival
 */
public record ReceivedFrame(String name, long seq, long tick, long ts, ObjectNode fields, Instant receivedAt) {

    /** A numeric field of the payload. */
    public double number(String field) {
        if (!fields.path(field).isNumber()) {
            throw new IllegalArgumentException(name + " frame " + seq + " has no number '" + field + "': " + fields);
        }
        return fields.get(field).asDouble();
    }
}
