package dev.aplysia.device.telemetry;

import java.util.Arrays;

/** A reusable holder that {@link TelemetryQueue#poll(Frame)} copies one frame into: a channel id and payload bytes. */
public final class Frame {

    private final byte[] payload;
    private int channel;
    private int length;

    /** A holder for payloads of at most {@code capacity} bytes. */
    public Frame(int capacity) {
        this.payload = new byte[capacity];
    }

    /** The id of the channel the frame was offered on. */
    public int channel() {
        return channel;
    }

    /** The backing buffer; the payload is in {@code [0, length())}. */
    public byte[] payload() {
        return payload;
    }

    /** Payload bytes. */
    public int length() {
        return length;
    }

    /** A copy of the payload (allocates). */
    public byte[] copyPayload() {
        return Arrays.copyOf(payload, length);
    }

    void set(int channel, int length) {
        this.channel = channel;
        this.length = length;
    }
}
