package dev.aplysia.host.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Subscribes to one device's topic tree and records what arrives: telemetry frames per stream (with gap detection on
 * {@code seq}), events per type, the {@code status} history, the latest {@code meta}, and command acks. It can send
 * commands and wait for their acks. Payloads that are not what {@code docs/protocol.md} says are counted as malformed
 * and otherwise ignored.
 *
 * <p>Everything is kept in memory for the run. Methods are thread safe; the {@code await} methods wait on the caller's
 * thread and must not be called from a transport handler.
 *
 * <p>A device whose {@code status} has said {@code offline} for {@link #OFFLINE_GRACE} is gone (its Last Will fired,
 * or it shut down): {@link #command} and {@link #requireOnline()} then fail at once with a
 * {@link DeviceOfflineException} naming it, instead of waiting out their timeouts. The grace lets a device that only
 * lost its connection reconnect: its frames wait in its queue meanwhile.
 *
 * <p>A collector made with a history bound keeps only the latest frames of each stream and events of each type, for
 * a view that runs for hours ({@code host watch}); a {@link Listener} hears every message as it is recorded.
 */
public final class TelemetryCollector implements AutoCloseable {

    /** How long an {@code offline} status may last before the device counts as gone. */
    public static final Duration OFFLINE_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 20;

    private final Topics topics;
    private final Transport transport;
    private final int history;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final String idPrefix = "h" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)) + "-";
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, CompletableFuture<CommandAck>> awaitedAcks = new ConcurrentHashMap<>();
    private final Map<String, List<ReceivedFrame>> frames = new LinkedHashMap<>();
    private final Map<String, SequenceTracker> sequences = new LinkedHashMap<>();
    private final Map<String, List<ReceivedFrame>> events = new LinkedHashMap<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<CommandAck> acks = new ArrayList<>();
    private JsonNode meta;
    private long malformed;
    private String lastMalformed;
    private boolean connected;
    private long connections;
    private long offlineSince;
    private boolean offline;

    /**
     * A collector for the device whose tree is {@code device}.
     *
     * @param transport owned by the collector from now on: {@link #close()} closes it
     */
    public TelemetryCollector(Topics device, Transport transport) {
        this(device, transport, Integer.MAX_VALUE);
    }

    /**
     * A collector that keeps only the latest {@code history} frames of each stream and events of each type (gap
     * detection still counts every frame).
     *
     * @param transport owned by the collector from now on: {@link #close()} closes it
     * @param history   at least 1
     */
    public TelemetryCollector(Topics device, Transport transport, int history) {
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1 frame, got " + history);
        }
        this.topics = device;
        this.transport = transport;
        this.history = history;
    }

    /** Hears every message this collector records. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A message was recorded. Called on the transport's thread: return quickly, do not call the collector's
         * {@code command} or {@code await} methods.
         *
         * @param kind {@code STATUS}, {@code META}, {@code TELEMETRY}, {@code EVENT} or {@code ACK}
         * @param name the stream, event type or command; empty for status and meta
         * @param body the payload: a text node for {@code status}, the JSON object otherwise
         */
        void recorded(Topics.Kind kind, String name, JsonNode body);
    }

    /** Adds {@code listener}, which hears the messages recorded from now on. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Subscribes to what the device publishes ({@link Topics#published()}: not its commands, nor anything else under
     * its tree) and connects (no Last Will). Retained {@code status} and {@code meta} arrive right away if the device
     * has published them.
     *
     * @throws TransportException if the broker cannot be reached
     */
    public void start() throws TransportException {
        for (String filter : topics.published()) {
            transport.subscribe(filter, this::onMessage);
        }
        transport.connect(null, new Transport.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
                onConnection(true);
            }

            @Override
            public void connectionLost(Throwable cause) {
                onConnection(false);
            }
        });
    }

    private synchronized void onConnection(boolean up) {
        connected = up;
        connections += up ? 1 : 0;
        notifyAll();
    }

    private void onMessage(String topic, byte[] payload) {
        Topics.Address address = topics.parse(topic);
        if (address == null) {
            return;
        }
        try {
            JsonNode body = record(address, payload);
            if (body == null) {
                recordMalformed(topic + ": not a topic the device publishes");
                return;
            }
            for (Listener listener : listeners) {
                listener.recorded(address.kind(), address.name(), body);
            }
        } catch (IOException | IllegalArgumentException e) {
            recordMalformed(topic + ": " + e.getMessage());
        }
    }

    /** Records the message; returns its body, or null if the device does not publish on such a topic. */
    private JsonNode record(Topics.Address address, byte[] payload) throws IOException {
        switch (address.kind()) {
            case STATUS -> {
                String status = new String(payload, StandardCharsets.UTF_8);
                recordStatus(status);
                return TextNode.valueOf(status);
            }
            case META -> {
                JsonNode json = JSON.readTree(payload);
                recordMeta(json);
                return json;
            }
            case TELEMETRY -> {
                ReceivedFrame frame = frame(address.name(), payload);
                recordFrame(frame);
                return frame.fields();
            }
            case EVENT -> {
                ReceivedFrame event = frame(address.name(), payload);
                recordEvent(event);
                return event.fields();
            }
            case ACK -> {
                CommandAck ack = ack(address.name(), payload);
                recordAck(ack);
                return ack.body();
            }
            default -> {
                return null;
            }
        }
    }

    /** Decodes a frame of stream or event {@code name}, stamped with its arrival now. */
    static ReceivedFrame frame(String name, byte[] payload) throws IOException {
        JsonNode json = JSON.readTree(payload);
        if (!(json instanceof ObjectNode fields)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new ReceivedFrame(name, whole(fields, "seq"), whole(fields, "tick"), whole(fields, "ts"), fields,
                Instant.now());
    }

    private static long whole(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("missing or non-integer '" + name + "'");
        }
        return value.asLong();
    }

    private static CommandAck ack(String command, byte[] payload) throws IOException {
        JsonNode json = JSON.readTree(payload);
        if (json == null || !json.path("ok").isBoolean()) {
            throw new IllegalArgumentException("an ack needs a boolean 'ok'");
        }
        return new CommandAck(command, json.path("id").textValue(), json.get("ok").booleanValue(),
                json.path("error").textValue(), json);
    }

    private synchronized void recordStatus(String status) {
        statuses.add(status);
        if (Topics.OFFLINE.equals(status) != offline) {
            offline = !offline;
            offlineSince = System.nanoTime();
        }
        notifyAll();
    }

    /**
     * Fails if the device is gone: its latest status has been {@code offline} for {@link #OFFLINE_GRACE} or more.
     *
     * @throws DeviceOfflineException naming the device and since when
     */
    public synchronized void requireOnline() {
        if (offline && System.nanoTime() - offlineSince >= OFFLINE_GRACE.toNanos()) {
            throw new DeviceOfflineException("device " + topics.deviceId() + " went offline "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - offlineSince) + " s ago (its status on "
                    + topics.status() + " says offline: the Last Will of a lost connection, or a shutdown)");
        }
    }

    private synchronized void recordMeta(JsonNode json) {
        meta = json;
        notifyAll();
    }

    private synchronized void recordFrame(ReceivedFrame frame) {
        keep(frames.computeIfAbsent(frame.name(), s -> new ArrayList<>()), frame);
        sequences.computeIfAbsent(frame.name(), SequenceTracker::new).accept(frame.seq());
        notifyAll();
    }

    private synchronized void recordEvent(ReceivedFrame event) {
        keep(events.computeIfAbsent(event.name(), t -> new ArrayList<>()), event);
        notifyAll();
    }

    /** Appends {@code frame}, dropping the oldest beyond the history bound. */
    private void keep(List<ReceivedFrame> channel, ReceivedFrame frame) {
        channel.add(frame);
        if (channel.size() > history) {
            channel.remove(0);
        }
    }

    private void recordAck(CommandAck ack) {
        synchronized (this) {
            acks.add(ack);
        }
        CompletableFuture<CommandAck> awaited = ack.id() == null ? null : awaitedAcks.remove(ack.id());
        if (awaited != null) {
            awaited.complete(ack);
        }
    }

    private synchronized void recordMalformed(String problem) {
        malformed++;
        lastMalformed = problem;
    }

    /**
     * Sends command {@code name} with {@code fields} (plus a fresh correlation {@code id}) and waits for its ack.
     *
     * @param fields values Jackson can write: strings, numbers, booleans, arrays of numbers
     * @return the ack, {@code ok} or not
     * @throws TransportException     if the command cannot be published
     * @throws TimeoutException       if no ack with its id arrives within {@code timeout}
     * @throws DeviceOfflineException if the device is gone ({@link #requireOnline()}), before or while waiting
     */
    public CommandAck command(String name, Map<String, ?> fields, Duration timeout)
            throws TransportException, TimeoutException, InterruptedException {
        if (fields.containsKey("id")) {
            throw new IllegalArgumentException("'id' is set by the collector");
        }
        String id = idPrefix + nextId.incrementAndGet();
        ObjectNode payload = JSON.createObjectNode().put("id", id);
        payload.setAll(JSON.<ObjectNode>valueToTree(fields));
        requireOnline();
        CompletableFuture<CommandAck> ack = new CompletableFuture<>();
        awaitedAcks.put(id, ack);
        try {
            transport.publish(topics.command(name), bytes(payload), 1, false);
            return awaitAck(ack, timeout);
        } catch (TimeoutException e) {
            throw new TimeoutException("no ack for command '" + name + "' (id " + id + ") within " + timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            awaitedAcks.remove(id);
        }
    }

    /** Waits for {@code ack}, checking every few milliseconds that the device is not gone. */
    private CommandAck awaitAck(CompletableFuture<CommandAck> ack, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return ack.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                requireOnline();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static byte[] bytes(ObjectNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write command payload: " + e.getMessage(), e);
        }
    }

    /** The streams from which frames arrived, in order of their first frame. */
    public synchronized List<String> streams() {
        return List.copyOf(frames.keySet());
    }

    /** The event types that arrived, in order of their first event. */
    public synchronized List<String> eventTypes() {
        return List.copyOf(events.keySet());
    }

    /** The frames of {@code stream} so far (the latest, with a history bound), in arrival order. */
    public synchronized List<ReceivedFrame> frames(String stream) {
        return List.copyOf(frames.getOrDefault(stream, List.of()));
    }

    /**
     * Waits until {@code count} frames of {@code stream} have arrived.
     *
     * @return the first {@code count} frames, in arrival order
     * @throws TimeoutException saying how many had arrived
     */
    public synchronized List<ReceivedFrame> awaitFrames(String stream, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        await(() -> frames.getOrDefault(stream, List.of()).size() >= count, timeout,
                () -> "stream '" + stream + "': " + frames.getOrDefault(stream, List.of()).size() + " of " + count
                        + " frames");
        return List.copyOf(frames.get(stream).subList(0, count));
    }

    /** What arrived of {@code stream}, judged by {@code seq}. */
    public synchronized StreamGaps gaps(String stream) {
        SequenceTracker tracker = sequences.get(stream);
        return tracker == null ? new StreamGaps(stream, 0, List.of(), 0, 0) : tracker.gaps();
    }

    /** The gaps of every stream seen, by stream name. */
    public synchronized Map<String, StreamGaps> gaps() {
        Map<String, StreamGaps> all = new LinkedHashMap<>();
        sequences.forEach((stream, tracker) -> all.put(stream, tracker.gaps()));
        return all;
    }

    /** The events of {@code type} so far, in arrival order. */
    public synchronized List<ReceivedFrame> events(String type) {
        return List.copyOf(events.getOrDefault(type, List.of()));
    }

    /** Every {@code status} payload received, in order (a retained one first if the device had published one). */
    public synchronized List<String> statuses() {
        return List.copyOf(statuses);
    }

    /** The latest {@code status}, if any arrived. */
    public synchronized Optional<String> status() {
        return statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(statuses.size() - 1));
    }

    /** Waits until the latest {@code status} is {@code expected}. */
    public synchronized void awaitStatus(String expected, Duration timeout)
            throws TimeoutException, InterruptedException {
        await(() -> status().filter(expected::equals).isPresent(), timeout,
                () -> "status '" + expected + "'; statuses so far: " + statuses);
    }

    /** The latest {@code meta}, if any arrived. */
    public synchronized Optional<JsonNode> meta() {
        return Optional.ofNullable(meta);
    }

    /** Waits for a {@code meta} payload and returns the latest. */
    public synchronized JsonNode awaitMeta(Duration timeout) throws TimeoutException, InterruptedException {
        await(() -> meta != null, timeout, () -> "meta");
        return meta;
    }

    /** Every ack received, in order, whoever sent the command. */
    public synchronized List<CommandAck> acks() {
        return List.copyOf(acks);
    }

    /** Payloads that did not match the protocol, since start. */
    public synchronized long malformed() {
        return malformed;
    }

    /** What was wrong with the last malformed payload, if any. */
    public synchronized Optional<String> lastMalformed() {
        return Optional.ofNullable(lastMalformed);
    }

    /** Connections made (the first included), each counted once its subscription is active. */
    public synchronized long connections() {
        return connections;
    }

    /** Waits until the collector is connected with its subscription active. */
    public synchronized void awaitConnected(Duration timeout) throws TimeoutException, InterruptedException {
        await(() -> connected, timeout, () -> "a connection to the broker");
    }

    private void await(BooleanSupplier done, Duration timeout, Supplier<String> what)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("waited " + timeout + " for " + what.get());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Disconnects and closes the transport. */
    @Override
    public void close() {
        transport.close();
    }
}
