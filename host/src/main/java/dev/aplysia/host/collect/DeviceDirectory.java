package dev.aplysia.host.collect;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The devices a broker knows of under a prefix, from their retained {@code status} topics
 * ({@code {prefix}+/status}): who is online, who left an {@code offline}. Used to say which devices there are when
 * the one asked for is not, and by {@code host watch} to find every device. Thread safe.
 */
public final class DeviceDirectory {

    private final String prefix;
    private final Map<String, String> statuses = new TreeMap<>();
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    private DeviceDirectory(String prefix) {
        this.prefix = prefix;
    }

    /**
     * A directory filled by a subscription to {@code {prefix}+/status} on {@code transport} (made now, or on connecting
     * if the transport is not connected yet).
     *
     * @throws TransportException if the broker refuses the subscription
     */
    public static DeviceDirectory subscribe(Transport transport, String prefix) throws TransportException {
        DeviceDirectory directory = new DeviceDirectory(prefix);
        transport.subscribe(prefix + "+/status", directory::onStatus);
        return directory;
    }

    private void onStatus(String topic, byte[] payload) {
        String id = topic.substring(prefix.length(), topic.length() - "/status".length());
        String status = new String(payload, StandardCharsets.UTF_8);
        synchronized (this) {
            statuses.put(id, status);
        }
        listeners.forEach(listener -> listener.accept(id, status));
    }

    /**
     * Calls {@code listener} with the device id and its status for every {@code status} that arrives from now on, on
     * the transport's thread (so it must return quickly and not use the transport).
     */
    public void listen(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** {@code "lab-1 (online), board-7 (offline)"}, or {@code "none"}. */
    public synchronized String describe() {
        return statuses.isEmpty() ? "none" : statuses.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
