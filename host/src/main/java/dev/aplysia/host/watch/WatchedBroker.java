package dev.aplysia.host.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.DeviceDirectory;
import dev.aplysia.host.collect.ReceivedFrame;
import dev.aplysia.host.collect.TelemetryCollector;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every device on one broker under one prefix, as {@code host watch} shows them: a {@link DeviceDirectory} finds them
 * by their retained {@code status}, and each device found gets a {@link TelemetryCollector} of its own, keeping the
 * latest {@value #HISTORY} frames of each stream. A page that opens gets what is kept ({@link #kept()}), then what
 * the collectors record as it arrives, as page messages, one JSON object each:
 * {@code {"device":"board-7","kind":"telemetry","name":"health","body":{...}}} ({@code kind} is {@code status},
 * {@code meta}, {@code telemetry}, {@code event} or {@code ack}; {@code body} is the payload, the status as a
 * string).
 *
 * <p>It only reads what the broker carries and sends the page's commands; it never talks to a device otherwise.
 */
public final class WatchedBroker implements AutoCloseable {

    /** Frames kept per stream (and events per type) for a page that opens later. */
    public static final int HISTORY = 300;
    /** How long a page's command waits for the device's ack. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** How many pages may be open at once. */
    public static final int MAX_PAGES = 32;
    private static final long RETRY_SECONDS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Connector transports;
    private final PrintWriter err;
    private final Transport directoryTransport;
    private final Map<String, TelemetryCollector> collectors = new ConcurrentHashMap<>();
    private final Set<String> opening = ConcurrentHashMap.newKeySet();
    private final List<PageStream> pages = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService opener = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aplysia-watch-opener");
        thread.setDaemon(true);
        return thread;
    });
    private DeviceDirectory directory;

    /** Makes the watch's MQTT clients. */
    @FunctionalInterface
    public interface Connector {
        /**
         * A new, unconnected transport whose client id starts with {@code clientIdStem}.
         *
         * @throws TransportException if the broker's settings are unusable
         */
        Transport transport(String clientIdStem) throws TransportException;
    }

    /**
     * A watch of the devices under {@code prefix}.
     *
     * @param transports a new transport for a client id stem ({@code aplysia-watch}, {@code aplysia-watch-board-7}):
     *                   one for the directory, one per device
     * @param err        where a device that cannot be watched is reported
     */
    public WatchedBroker(String prefix, Connector transports, PrintWriter err) throws TransportException {
        this.prefix = prefix;
        this.transports = transports;
        this.err = err;
        this.directoryTransport = transports.transport("aplysia-watch");
    }

    /**
     * Subscribes to every device's {@code status} and connects; each device found is then watched.
     *
     * @throws TransportException if the broker cannot be reached
     */
    public void start() throws TransportException {
        directory = DeviceDirectory.subscribe(directoryTransport, prefix);
        directory.listen((id, status) -> {
            if (!collectors.containsKey(id) && opening.add(id)) {
                opener.execute(() -> watch(id));
            }
        });
        directoryTransport.connect(null, new Transport.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }
        });
    }

    private void watch(String id) {
        Topics topics;
        try {
            topics = new Topics(prefix, id);
        } catch (IllegalArgumentException e) {
            report("not watching " + prefix + id + "/status: " + e.getMessage());
            return;
        }
        TelemetryCollector collector = null;
        try {
            collector = new TelemetryCollector(topics, transports.transport("aplysia-watch-" + id), HISTORY);
            collector.listen((kind, name, body) -> send(message(id, kind, name, body)));
            collector.start();
            collectors.put(id, collector);
            opening.remove(id);
        } catch (TransportException e) {
            if (collector != null) {
                collector.close();
            }
            report("cannot watch device " + id + " yet (" + e.getMessage() + "); retrying in " + RETRY_SECONDS + " s");
            opener.schedule(() -> watch(id), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void report(String line) {
        err.println("host watch: " + line);
        err.flush();
    }

    private static String message(String device, Topics.Kind kind, String name, JsonNode body) {
        ObjectNode message = JSON.createObjectNode().put("device", device)
                .put("kind", kind.name().toLowerCase(Locale.ROOT)).put("name", name);
        message.set("body", body);
        return message.toString();
    }

    private void send(String message) {
        for (PageStream page : pages) {
            page.offer(message);
        }
    }

    /**
     * Adds an open page, which gets every message recorded from now on.
     *
     * @return false if {@value #MAX_PAGES} pages are open already
     */
    boolean addPage(PageStream page) {
        synchronized (pages) {
            if (pages.size() >= MAX_PAGES) {
                return false;
            }
            pages.add(page);
        }
        return true;
    }

    /**
     * What is kept of every device, as page messages: its latest status and meta, then its recent frames and events.
     * Taken after {@link #addPage}, it may repeat a message the page also gets as it arrives.
     */
    List<String> kept() {
        List<String> messages = new ArrayList<>();
        collectors.forEach((id, collector) -> kept(id, collector, messages));
        return messages;
    }

    private static void kept(String id, TelemetryCollector collector, List<String> messages) {
        collector.status().ifPresent(s -> messages.add(message(id, Topics.Kind.STATUS, "", TextNode.valueOf(s))));
        collector.meta().ifPresent(meta -> messages.add(message(id, Topics.Kind.META, "", meta)));
        for (String stream : collector.streams()) {
            for (ReceivedFrame frame : collector.frames(stream)) {
                messages.add(message(id, Topics.Kind.TELEMETRY, stream, frame.fields()));
            }
        }
        for (String type : collector.eventTypes()) {
            for (ReceivedFrame event : collector.events(type)) {
                messages.add(message(id, Topics.Kind.EVENT, type, event.fields()));
            }
        }
    }

    /** Removes a page that closed. */
    void removePage(PageStream page) {
        pages.remove(page);
    }

    /** The devices watched, by id. */
    public Set<String> devices() {
        return Set.copyOf(collectors.keySet());
    }

    /**
     * Sends {@code action} to {@code device} and waits for its ack. A device whose {@code meta} lists the commands it
     * answers is not sent one it does not list (it would never answer).
     *
     * @throws NoSuchElementException   if no such device is watched, naming those that are
     * @throws IllegalArgumentException if the device's meta does not list the action's command
     * @throws TimeoutException         if the device did not answer within {@link #COMMAND_TIMEOUT}
     */
    public CommandAck command(String device, PageAction action)
            throws TransportException, TimeoutException, InterruptedException {
        TelemetryCollector collector = collectors.get(device);
        if (collector == null) {
            throw new NoSuchElementException("no device '" + device + "' on the broker; devices: "
                    + directory.describe());
        }
        Optional<List<String>> answered = collector.meta().map(meta -> meta.path("commands"))
                .filter(JsonNode::isTextual).map(names -> List.of(names.asText().split(",")));
        if (answered.isPresent() && !answered.get().contains(action.command())) {
            throw new IllegalArgumentException("device " + device + " takes no '" + action.command()
                    + "' command; its meta lists: " + String.join(", ", answered.get()));
        }
        return collector.command(action.command(), action.fields(), COMMAND_TIMEOUT);
    }

    /** Closes the directory's connection (no device is found after), then every collector. */
    @Override
    public void close() {
        directoryTransport.close();
        opener.shutdownNow();
        try {
            opener.awaitTermination(RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        collectors.values().forEach(TelemetryCollector::close);
    }
}
