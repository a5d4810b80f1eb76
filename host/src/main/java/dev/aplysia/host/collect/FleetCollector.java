package dev.aplysia.host.collect;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.wire.Names;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The host's collector for a whole fleet: one subscription to the telemetry streams and events of every device under
 * a prefix ({@code {prefix}+/telemetry/+}, {@code {prefix}+/event/+}), alone or as one member of a shared
 * subscription group ({@code $share/{group}/...}), whose members the broker splits the messages between. Per device
 * and stream it follows {@code seq} (a {@link SequenceTracker}, the same gap detection as {@link TelemetryCollector});
 * it keeps the latency of every frame, from the device's {@code ts} to its handling here, in a histogram, and nothing
 * else of a frame, so a long run costs no memory per frame. Payloads that are not frames are counted as malformed.
 *
 * <p>The latency is {@code ts} (whole milliseconds of the device's wall clock) subtracted from the host's wall clock
 * in microseconds: meaningful when both clocks are one (simulated devices on this host) or kept together by NTP; it
 * over-states by up to 1 ms, the truncation of {@code ts}. Thread safe.
 */
public final class FleetCollector implements AutoCloseable {

    /** The largest latency the histogram holds: a minute, in microseconds. */
    public static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final String prefix;
    private final String group;
    private final Transport transport;
    private final FrameListener listener;
    private final Map<String, SequenceTracker> sequences = new HashMap<>();
    private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
    private long frames;
    private long malformed;
    private long beyondRange;
    private String lastMalformed;

    /** Told of each frame handled, on the transport's thread; must return quickly. */
    @FunctionalInterface
    public interface FrameListener {
        /** The frame {@code seq} of {@code stream} (a stream name or {@code event/}type) of {@code device}. */
        void onFrame(String device, String stream, long seq);

        /** A listener that does nothing. */
        FrameListener NONE = (device, stream, seq) -> { };
    }

    /**
     * A collector of the devices under {@code prefix} ({@link Topics#DEFAULT_PREFIX} usually).
     *
     * @param group     the shared subscription group this collector is a member of, or null for a subscription of
     *                  its own (which receives every message)
     * @param transport owned by the collector from now on: {@link #close()} closes it. For a shared group use a
     *                  persistent session with a fixed client id ({@code MqttSettings.withPersistentSession}), so
     *                  that the broker keeps the member's share while it is away
     */
    public FleetCollector(String prefix, String group, Transport transport, FrameListener listener) {
        this.prefix = prefix;
        this.group = group == null ? null : Names.require("shared subscription group", group);
        this.transport = transport;
        this.listener = listener;
    }

    /** The filters subscribed to: every device's telemetry streams and events, under the group if any. */
    public List<String> filters() {
        String share = group == null ? "" : "$share/" + group + "/";
        return List.of(share + prefix + "+/telemetry/+", share + prefix + "+/event/+");
    }

    /**
     * Subscribes and connects (no Last Will).
     *
     * @throws TransportException if the broker cannot be reached or refuses a subscription
     */
    public void start() throws TransportException {
        for (String filter : filters()) {
            transport.subscribe(filter, this::onMessage);
        }
        transport.connect(null, new Transport.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }
        });
    }

    private void onMessage(String topic, byte[] payload) {
        String[] levels = topic.startsWith(prefix) ? topic.substring(prefix.length()).split("/", -1) : new String[0];
        if (levels.length != 3 || !(levels[1].equals("telemetry") || levels[1].equals("event"))) {
            recordMalformed(topic + ": not a device's telemetry stream or event");
            return;
        }
        String stream = levels[1].equals("event") ? "event/" + levels[2] : levels[2];
        try {
            ReceivedFrame frame = TelemetryCollector.frame(stream, payload);
            record(levels[0], frame);
            listener.onFrame(levels[0], stream, frame.seq());
        } catch (IOException | IllegalArgumentException e) {
            recordMalformed(topic + ": " + e.getMessage());
        }
    }

    private synchronized void record(String device, ReceivedFrame frame) {
        frames++;
        sequences.computeIfAbsent(device + "/" + frame.name(), SequenceTracker::new).accept(frame.seq());
        long micros = ChronoUnit.MICROS.between(Instant.ofEpochMilli(frame.ts()), frame.receivedAt());
        if (micros > MAX_LATENCY_MICROS) {
            beyondRange++;
        } else {
            latency.recordValue(Math.max(0, micros));
        }
    }

    private synchronized void recordMalformed(String problem) {
        malformed++;
        lastMalformed = problem;
    }

    /** Forgets the latencies recorded so far (not the frames or their gaps): a measurement starts now. */
    public synchronized void resetLatency() {
        latency.reset();
        beyondRange = 0;
    }

    /** What has arrived so far. */
    public synchronized Ingest ingest() {
        List<StreamGaps> gaps = new ArrayList<>();
        sequences.values().forEach(tracker -> gaps.add(tracker.gaps()));
        return new Ingest(frames, malformed, lastMalformed, gaps, latency.copy(), beyondRange);
    }

    /** Disconnects and closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    /**
     * What a fleet collector has received.
     *
     * @param frames        frames handled, duplicates included
     * @param malformed     messages that were not frames
     * @param lastMalformed what was wrong with the last of them, or null
     * @param streams       per device and stream ({@code device/stream}), judged by {@code seq}
     * @param latency       microseconds from {@code ts} to handling, since the last {@link #resetLatency()}
     * @param beyondRange   latencies over {@link #MAX_LATENCY_MICROS}, not in the histogram
     */
    public record Ingest(long frames, long malformed, String lastMalformed, List<StreamGaps> streams,
                         Histogram latency, long beyondRange) {

        /** Frames that never arrived, by the gaps in {@code seq} between arrivals. */
        public long missing() {
            return streams.stream().mapToLong(StreamGaps::missingCount).sum();
        }

        /** Frames that arrived more than once. */
        public long duplicates() {
            return streams.stream().mapToLong(StreamGaps::duplicates).sum();
        }

        /** Times a stream started again at {@code seq} 0 (a device rebooted). */
        public long restarts() {
            return streams.stream().mapToLong(StreamGaps::restarts).sum();
        }
    }
}
