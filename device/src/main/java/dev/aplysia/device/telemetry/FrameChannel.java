package dev.aplysia.device.telemetry;

import dev.aplysia.device.wire.FrameWriter;

/**
 * One telemetry stream or event type. Each frame is {@link #begin begun}, filled with fields and {@link #send sent};
 * {@code begin} writes the fields every frame carries:
 * <ul>
 *   <li>{@code seq}: this channel's frame number, 0 for the first frame after boot, +1 per frame;</li>
 *   <li>{@code tick}: the device's tick the frame describes, counted from boot (see {@code docs/protocol.md});</li>
 *   <li>{@code ts}: wall-clock time the frame was written, milliseconds since the Unix epoch;</li>
 *   <li>{@code uptime_ms}: milliseconds on the board's monotonic clock since boot.</li>
 * </ul>
 * A channel shares its writer with the other channels of its {@link Telemetry}: finish one frame before beginning
 * another. Tick thread only; allocates nothing.
 */
public final class FrameChannel {

    private final Telemetry telemetry;
    private final int id;
    private final String topicSuffix;
    private final int qos;
    private final boolean retained;
    private long seq;

    FrameChannel(Telemetry telemetry, int id, String topicSuffix, int qos, boolean retained) {
        this.telemetry = telemetry;
        this.id = id;
        this.topicSuffix = topicSuffix;
        this.qos = qos;
        this.retained = retained;
    }

    /**
     * Starts a frame with {@code seq}, {@code tick}, {@code ts} and {@code uptime_ms}; add fields to the returned
     * writer, then call {@link #send()}.
     *
     * @param tick the device's tick, counted from boot
     */
    public FrameWriter begin(long tick) {
        return telemetry.begin(this).field("seq", seq).field("tick", tick).field("ts", telemetry.epochMillis())
                .field("uptime_ms", telemetry.uptimeMillis());
    }

    /** Closes the frame begun on this channel and queues it; the next frame gets the next {@code seq}. */
    public void send() {
        telemetry.send(this);
        seq++;
    }

    /** The {@code seq} the next frame will carry. */
    public long nextSeq() {
        return seq;
    }

    /** The index of this channel in its {@link Telemetry}, carried by queued frames. */
    public int id() {
        return id;
    }

    /** The topic after the device root: {@code telemetry/{stream}} or {@code event/{type}}. */
    public String topicSuffix() {
        return topicSuffix;
    }

    /** The QoS its frames are published at: 0 for streams, 1 for events and retained streams. */
    public int qos() {
        return qos;
    }

    /** True if its frames are published retained: the broker keeps the latest for late subscribers. */
    public boolean retained() {
        return retained;
    }
}
