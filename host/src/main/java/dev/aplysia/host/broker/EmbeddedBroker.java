package dev.aplysia.host.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

/**
 * An MQTT 3.1.1 broker inside this JVM (Moquette 0.17), listening on 127.0.0.1 only, anonymous, in memory: it writes
 * nothing to disk (persistence off) and reports nothing to Moquette's vendor (telemetry off). A restart keeps the port
 * the first start bound, so clients reconnect to the same URL; retained messages and sessions do not survive it.
 *
 * <p>Moquette 0.17 forwards a retained Last Will to current subscribers but does not store it; this broker stores it
 * (see {@link RetainedWills}) so a late subscriber to {@code status} reads {@code offline} as with Mosquitto.
 * Clients should still publish retained messages at QoS 1 (Moquette drops retained QoS 0) and never rely on the retain
 * flag of received messages (Moquette clears it on QoS 1 delivery).
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The only interface the broker listens on. */
    public static final String HOST = "127.0.0.1";

    private int port;
    private Server server;

    /** A broker that binds a free port on its first start. */
    public EmbeddedBroker() {
        this(0);
    }

    /** A broker on {@code port} (0: a free port, chosen on the first start). */
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
        Server starting = new Server();
        try {
            starting.startServer(new MemoryConfig(properties()), List.of(new RetainedWills(starting)));
        } catch (RuntimeException e) {
            starting.stopServer();
            throw new IOException("cannot start the MQTT broker on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        server = starting;
        port = starting.getPort();
        return this;
    }

    private Properties properties() {
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

    /** Stops listening and drops every connection; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
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
