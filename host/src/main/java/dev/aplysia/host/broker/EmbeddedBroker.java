package dev.aplysia.host.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An MQTT 3.1.1 broker inside this JVM (Moquette 0.17), listening on 127.0.0.1 only, anonymous, in memory: it writes
 * nothing to disk (persistence off) and reports nothing to Moquette's vendor (telemetry off). A restart keeps the port
 * the first start bound, so clients reconnect to the same URL; retained messages and sessions do not survive it.
 *
 * <p>Moquette 0.17 forwards a retained Last Will to current subscribers but does not store it; this broker stores it
 * (see {@link RetainedWills}) so a late subscriber to {@code status} reads {@code offline} as with Mosquitto.
 * Clients should still publish retained messages at QoS 1 (Moquette drops retained QoS 0) and never rely on the retain
 * flag of received messages (Moquette clears it on QoS 1 delivery).
 *
 * <p>Moquette 0.17 shuts its Netty event loops down with Netty's default two-second quiet period, which it does not let
 * callers change. {@link #stop()} therefore returns as soon as the port is released and every connection is closed,
 * and leaves the rest of Moquette's shutdown (about two seconds) to a background thread.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The only interface the broker listens on. */
    public static final String HOST = "127.0.0.1";

    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int PROBE_TIMEOUT_MILLIS = 200;

    private int port;
    private Server server;

    /** A broker that binds a free port on its first start. */
    public EmbeddedBroker() {
        this(0);
    }

    /** A broker on {@code port} (0: a free port, chosen by the OS on the first start and kept for restarts). */
    public EmbeddedBroker(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        this.port = port;
    }

    /**
     * Starts listening.
     *
     * @return this broker
     * @throws IOException if the port cannot be bound
     * @throws IllegalStateException if already running
     */
    public synchronized EmbeddedBroker start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("broker already running on " + url());
        }
        if (port != 0) {
            server = startOn(port);
            return this;
        }
        for (int attempt = 1; server == null; attempt++) {
            int free = freePort();
            try {
                server = startOn(free);
                port = free;
            } catch (IOException taken) {
                if (attempt == FREE_PORT_ATTEMPTS) {
                    throw taken;
                }
            }
        }
        return this;
    }

    private static Server startOn(int port) throws IOException {
        Server starting = new Server();
        try {
            starting.startServer(new MemoryConfig(properties(port)), List.of(new RetainedWills(starting)));
            return starting;
        } catch (RuntimeException e) {
            shutDownInBackground(starting);
            throw new IOException("cannot start the MQTT broker on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A port the OS considers free on {@link #HOST}. Moquette 0.17 could bind port 0 itself, but it reads the bound
     * port back through an unsynchronized map that a Netty thread fills later, so the answer can be lost.
     */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        }
    }

    private static Properties properties(int port) {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, HOST);
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        return p;
    }

    /** True between {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The bound port.
     *
     * @throws IllegalStateException if a free port was asked for and the broker has never started
     */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("the broker has not bound a port yet: start() it first");
        }
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}, for clients. */
    public String url() {
        return "tcp://" + HOST + ":" + port();
    }

    /**
     * Stops listening and drops every connection, returning once the port is free; {@link #start()} brings the broker
     * back on the same port. Moquette's remaining shutdown finishes in the background.
     *
     * @throws IllegalStateException if the port is still accepting connections after five seconds
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutDownInBackground(server);
        server = null;
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (accepts(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the MQTT broker still accepts connections on port " + port);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static void shutDownInBackground(Server stopping) {
        Thread shutdown = new Thread(stopping::stopServer, "aplysia-broker-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(HOST, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker if it is running. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + (port == 0 ? "unbound" : url()) + (isRunning() ? ", running" : ", stopped") + "]";
    }
}
