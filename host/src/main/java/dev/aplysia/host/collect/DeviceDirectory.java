package dev.aplysia.host.collect;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The devices a broker knows of under a prefix, from their retained {@code status} topics
 * ({@code {prefix}+/status}): who is online, who left an {@code offline}. Used to say which devices there are when
 * the one asked for is not. Thread safe.
 */
public final class DeviceDirectory {

    private final String prefix;
    private final Map<String, String> statuses = new TreeMap<>();

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

    private synchronized void onStatus(String topic, byte[] payload) {
        String id = topic.substring(prefix.length(), topic.length() - "/status".length());
        statuses.put(id, new String(payload, StandardCharsets.UTF_8));
    }

    /** {@code "lab-1 (online), board-7 (offline)"}, or {@code "none"}. */
    public synchronized String describe() {
        return statuses.isEmpty() ? "none" : statuses.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
