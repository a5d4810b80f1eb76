package dev.aplysia.device.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An in-memory broker connection for unit tests: the test decides when it is reachable, up or down. Like a broker, it
 * delivers what is published to the matching subscriptions (after recording it), so a probe comes back.
 */
final class FakeTransport implements Transport {

    /** One publish the transport accepted. */
    record Sent(String topic, String payload, int qos, boolean retained) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, MessageHandler> handlers = new LinkedHashMap<>();
    private volatile boolean reachable = true;
    private volatile boolean up;
    private volatile boolean closed;
    private volatile LastWill lastWill;
    private volatile ConnectionListener listener;
    private int connectAttempts;
    private RuntimeException nextPublishFailure;

    /** The next publish throws {@code failure}, as a client library's bug would. */
    synchronized void failNextPublish(RuntimeException failure) {
        nextPublishFailure = failure;
    }

    void reachable(boolean value) {
        reachable = value;
    }

    /** The broker goes away: the connection drops. */
    void drop() {
        up = false;
        listener.connectionLost(new java.io.IOException("connection reset"));
    }

    /** The broker is back: the transport has reconnected. */
    void restore() {
        up = true;
        listener.connected(true);
    }

    /** Delivers a message to the subscriptions whose filters match {@code topic}. */
    void deliver(String topic, String payload) {
        List<MessageHandler> matching = new ArrayList<>();
        synchronized (this) {
            handlers.forEach((filter, handler) -> {
                if (matches(filter, topic)) {
                    matching.add(handler);
                }
            });
        }
        matching.forEach(handler -> handler.onMessage(topic, payload.getBytes(StandardCharsets.UTF_8)));
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(Predicate<String> topic) {
        return sent.stream().filter(s -> topic.test(s.topic())).toList();
    }

    synchronized int connectAttempts() {
        return connectAttempts;
    }

    /** Waits until {@code connect} has been called {@code count} times. */
    synchronized void awaitConnectAttempts(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connectAttempts < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + connectAttempts + " of " + count + " connection attempts");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    LastWill lastWill() {
        return lastWill;
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits until {@code count} publishes match {@code topic}; returns them. */
    synchronized List<Sent> await(Predicate<String> topic, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sentTo(topic).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + sentTo(topic).size() + " of " + count + " publishes in " + timeout
                        + ": " + sent);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return sentTo(topic);
    }

    @Override
    public synchronized void connect(LastWill will, ConnectionListener connectionListener) throws TransportException {
        connectAttempts++;
        notifyAll();
        if (!reachable) {
            throw new TransportException("unreachable");
        }
        lastWill = will;
        listener = connectionListener;
        up = true;
        listener.connected(false);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        record(topic, payload, qos, retained);
        deliver(topic, new String(payload, StandardCharsets.UTF_8));
    }

    private synchronized void record(String topic, byte[] payload, int qos, boolean retained)
            throws TransportException {
        if (!up) {
            throw new TransportException("not connected");
        }
        RuntimeException failure = nextPublishFailure;
        nextPublishFailure = null;
        if (failure != null) {
            throw failure;
        }
        sent.add(new Sent(topic, new String(payload, StandardCharsets.UTF_8), qos, retained));
        notifyAll();
    }

    @Override
    public synchronized void subscribe(String filter, MessageHandler handler) {
        handlers.put(filter, handler);
    }

    @Override
    public boolean isConnected() {
        return up;
    }

    @Override
    public void close() {
        up = false;
        closed = true;
    }

    private static boolean matches(String filter, String topic) {
        String[] f = filter.split("/");
        String[] t = topic.split("/");
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
