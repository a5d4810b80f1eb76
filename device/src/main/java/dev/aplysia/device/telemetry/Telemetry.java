package dev.aplysia.device.telemetry;

import dev.aplysia.device.wire.FrameWriter;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.hal.time.WallClock;
import java.util.Arrays;

/**
 * The firmware's side of reporting: named channels (telemetry streams and event types) that write frames into one
 * {@link TelemetryQueue}, stamped from two clocks: the wall clock gives {@code ts} (epoch ms), the board's clock gives
 * {@code uptime_ms} (since this telemetry was built, at boot). Register every channel during setup, before the
 * {@link Publisher} starts; after that, {@link FrameChannel#begin}/{@link FrameChannel#send} allocate nothing. One
 * thread (the tick thread) produces.
 */
public final class Telemetry {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final TelemetryQueue queue;
    private final FrameWriter writer;
    private final Clock clock;
    private final WallClock wallClock;
    private final long bootNanos;
    private volatile FrameChannel[] channels = new FrameChannel[0];
    private FrameChannel writing;

    /**
     * Channels writing into {@code queue}, frames as large as its slots, stamped by the board's clocks.
     *
     * @param clock     the board's monotonic clock; boot is its reading now
     * @param wallClock the board's wall clock
     */
    public Telemetry(TelemetryQueue queue, Clock clock, WallClock wallClock) {
        this.queue = queue;
        this.writer = new FrameWriter(queue.slotBytes());
        this.clock = clock;
        this.wallClock = wallClock;
        this.bootNanos = clock.nanos();
    }

    /** Channels writing into {@code queue}, stamped by the host's clocks ({@link SystemClock}): a device without a board. */
    public Telemetry(TelemetryQueue queue) {
        this(queue, SystemClock.INSTANCE, SystemClock.INSTANCE);
    }

    /** Milliseconds on the board's clock since boot (since this telemetry was built). */
    public long uptimeMillis() {
        return (clock.nanos() - bootNanos) / NANOS_PER_MILLI;
    }

    /** Milliseconds since the Unix epoch on the board's wall clock. */
    public long epochMillis() {
        return wallClock.epochMillis();
    }

    /**
     * Registers the stream published on {@code telemetry/{name}} at QoS 0 (frequent, loss shows as a gap).
     *
     * @throws IllegalArgumentException if the name is not MQTT-safe or already registered
     */
    public FrameChannel stream(String name) {
        return register(Topics.telemetrySuffix(name), 0, false);
    }

    /**
     * Registers the stream published on {@code telemetry/{name}} retained at QoS 1 (a state: a subscriber arriving at
     * any time reads the latest frame; retained messages at QoS 0 are not stored by every broker).
     *
     * @throws IllegalArgumentException if the name is not MQTT-safe or already registered
     */
    public FrameChannel retainedStream(String name) {
        return register(Topics.telemetrySuffix(name), 1, true);
    }

    /**
     * Registers the event type published on {@code event/{type}} at QoS 1 (rare, wanted).
     *
     * @throws IllegalArgumentException if the type is not MQTT-safe or already registered
     */
    public FrameChannel event(String type) {
        return register(Topics.eventSuffix(type), 1, false);
    }

    /** The queue the channels write into. */
    public TelemetryQueue queue() {
        return queue;
    }

    /** The channel with id {@code id}, as carried by a {@link Frame}. */
    public FrameChannel channel(int id) {
        return channels[id];
    }

    private synchronized FrameChannel register(String topicSuffix, int qos, boolean retained) {
        for (FrameChannel c : channels) {
            if (c.topicSuffix().equals(topicSuffix)) {
                throw new IllegalArgumentException(topicSuffix + " is already registered");
            }
        }
        FrameChannel channel = new FrameChannel(this, channels.length, topicSuffix, qos, retained);
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
