package dev.aplysia.device.telemetry;

import dev.aplysia.device.wire.FrameWriter;
import java.util.Arrays;

/**
 * The firmware's side of reporting: named channels (telemetry streams and event types) that write frames into one
 * {@link TelemetryQueue}. Register every channel during setup, before the {@link Publisher} starts; after that,
 * {@link FrameChannel#begin}/{@link FrameChannel#send} allocate nothing. One thread (the tick thread) produces.
 */
public final class Telemetry {

    private final TelemetryQueue queue;
    private final FrameWriter writer;
    private volatile FrameChannel[] channels = new FrameChannel[0];
    private FrameChannel writing;

    /** Channels writing into {@code queue}; frames may be as large as its slots. */
    public Telemetry(TelemetryQueue queue) {
        this.queue = queue;
        this.writer = new FrameWriter(queue.slotBytes());
    }

    /**
     * Registers the stream published on {@code telemetry/{name}} at QoS 0 (frequent, loss shows as a gap).
     *
     * @throws IllegalArgumentException if the name is not MQTT-safe or already registered
     */
    public FrameChannel stream(String name) {
        return register(Topics.telemetrySuffix(name), 0);
    }

    /**
     * Registers the event type published on {@code event/{type}} at QoS 1 (rare, wanted).
     *
     * @throws IllegalArgumentException if the type is not MQTT-safe or already registered
     */
    public FrameChannel event(String type) {
        return register(Topics.eventSuffix(type), 1);
    }

    /** The queue the channels write into. */
    public TelemetryQueue queue() {
        return queue;
    }

    /** The channel with id {@code id}, as carried by a {@link Frame}. */
    public FrameChannel channel(int id) {
        return channels[id];
    }

    private synchronized FrameChannel register(String topicSuffix, int qos) {
        for (FrameChannel c : channels) {
            if (c.topicSuffix().equals(topicSuffix)) {
                throw new IllegalArgumentException(topicSuffix + " is already registered");
            }
        }
        FrameChannel channel = new FrameChannel(this, channels.length, topicSuffix, qos);
        FrameChannel[] grown = Arrays.copyOf(channels, channels.length + 1);
        grown[channel.id()] = channel;
        channels = grown;
        return channel;
    }

    FrameWriter begin(FrameChannel channel) {
        writing = channel;
        return writer.begin();
    }

    void send(FrameChannel channel) {
        if (writing != channel) {
            throw new IllegalStateException("send() on " + channel.topicSuffix() + " without its begin()");
        }
        writing = null;
        writer.end();
        queue.offer(channel.id(), writer.buffer(), writer.length());
    }
}
