package dev.aplysia.host.collect;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * What Home Assistant does on the broker, as a test drives it: subscribes to its discovery prefix, keeps every
 * message, publishes its birth message and what its buttons and switches send.
 */
public final class HomeAssistantSide implements AutoCloseable {

    /** One message received under the prefix. */
    public record Message(String topic, String payload) {
    }

    /** How long a publish waits for the connection. */
    private static final Duration CONNECTED_WITHIN = Duration.ofSeconds(10);

    private static final Transport.ConnectionListener IGNORED = new Transport.ConnectionListener() {
        @Override
        public void connected(boolean reconnect) {
        }

        @Override
        public void connectionLost(Throwable cause) {
        }
    };

    private final Transport transport;
    private final List<Message> received = new ArrayList<>();

    /**
     * Subscribes to {@code prefix/#} and connects, trying again for {@link #CONNECTED_WITHIN} as Home Assistant does:
     * the embedded Moquette 0.17 sometimes drops a connection it is handing retained QoS 1 messages to (its
     * reference-counting bugs, moquette-io/moquette#573, #750, #961).
     */
    public HomeAssistantSide(String url, String clientId, String prefix) throws TransportException {
        transport = new PahoTransport(DeviceRig.patientSettings(url, clientId));
        transport.subscribe(prefix + "/#", this::onMessage);
        long deadline = System.nanoTime() + CONNECTED_WITHIN.toNanos();
        while (true) {
            try {
                transport.connect(null, IGNORED);
                return;
            } catch (TransportException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private synchronized void onMessage(String topic, byte[] payload) {
        received.add(new Message(topic, new String(payload, StandardCharsets.UTF_8)));
        notifyAll();
    }

    /**
     * Publishes {@code payload} at QoS 1, not retained, as Home Assistant does: once connected (after a dropped
     * connection Paho reconnects by itself; Home Assistant, too, publishes when it is back).
     */
    public void publish(String topic, String payload) throws TransportException {
        long deadline = System.nanoTime() + CONNECTED_WITHIN.toNanos();
        while (!transport.isConnected() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        transport.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Waits until {@code count} messages whose topic passes {@code topic} have arrived; returns them in order. */
    public synchronized List<Message> await(Predicate<String> topic, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(topic).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(matching(topic).size() + " of " + count + " messages in " + timeout
                        + ": " + received);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return matching(topic);
    }

    private List<Message> matching(Predicate<String> topic) {
        return received.stream().filter(m -> topic.test(m.topic())).toList();
    }

    @Override
    public void close() {
        transport.close();
    }
}
