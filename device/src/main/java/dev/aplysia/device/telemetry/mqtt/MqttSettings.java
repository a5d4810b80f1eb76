package dev.aplysia.device.telemetry.mqtt;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where and how a {@link PahoTransport} connects. Start from {@link #of} and adjust with the {@code with} methods.
 *
 * @param serverUri           {@code tcp://host:port} or {@code ssl://host:port}; {@code mqtt://} and {@code mqtts://}
 *                            are taken as {@code tcp://} and {@code ssl://}, and a missing port as the scheme's
 *                            standard one (see {@link BrokerUrl})
 * @param clientId            unique on the broker; a second client with the same id takes the session over
 * @param username            null for anonymous
 * @param password            null without a username
 * @param trustStore          for {@code ssl://}: a PKCS12 or JKS file with the broker's CA, or null for the JVM's
 *                            default trust (the default {@code SSLContext})
 * @param trustStorePassword  null when {@code trustStore} is null
 * @param connectTimeout      how long one connection attempt may take (whole seconds on the wire)
 * @param keepAlive           ping interval the broker uses to notice a dead client (whole seconds on the wire)
 * @param operationTimeout    how long publish and subscribe wait for the broker
 * @param firstReconnectDelay wait after a connection loss before the first reconnection attempt
 * @param maxReconnectDelay   the wait doubles after each failed attempt up to this
 * @param persistentSession   false (the default): a clean session, forgotten by the broker on disconnecting; true:
 *                            {@code cleanSession=false}, so the broker keeps the client's subscriptions and queues
 *                            QoS 1 messages for it while it is away (a fixed {@code clientId} is then the session's
 *                            name: reuse it to resume the session)
 */
public record MqttSettings(String serverUri, String clientId, String username, char[] password, Path trustStore,
                           char[] trustStorePassword, Duration connectTimeout, Duration keepAlive,
                           Duration operationTimeout, Duration firstReconnectDelay, Duration maxReconnectDelay,
                           boolean persistentSession) {

    public MqttSettings {
        serverUri = BrokerUrl.normalise(Objects.requireNonNull(serverUri, "serverUri"));
        if (clientId == null || clientId.isEmpty() || clientId.length() > 65535) {
            throw new IllegalArgumentException("client id must have 1 to 65535 characters");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a username");
        }
        if (trustStore != null && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("a trust store only applies to ssl:// URIs, not " + serverUri);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("keepAlive", keepAlive);
        requirePositive("operationTimeout", operationTimeout);
        requirePositive("firstReconnectDelay", firstReconnectDelay);
        requirePositive("maxReconnectDelay", maxReconnectDelay);
        if (maxReconnectDelay.compareTo(firstReconnectDelay) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay is shorter than firstReconnectDelay");
        }
        password = password == null ? null : password.clone();
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
    }

    /**
     * Anonymous, default trust, 10 s to connect, 30 s keep-alive, 10 s per operation, reconnecting after 250 ms
     * doubling to 30 s.
     */
    public static MqttSettings of(String serverUri, String clientId) {
        return new MqttSettings(serverUri, clientId, null, null, null, null, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(30), false);
    }

    /**
     * A client id for one run of a device: {@code base}, a dash and 8 random hex digits. Each run gets its own, so a
     * second device started with the same device id does not take the first one's session over (the broker would
     * disconnect the older client, which would reconnect and disconnect the newer, twice a second); the device id
     * itself is guarded by the run claim ({@code RunClaim}).
     */
    public static String perRunClientId(String base) {
        return base + "-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    }

    /** These settings with a username and password. */
    public MqttSettings withCredentials(String user, char[] secret) {
        return new MqttSettings(serverUri, clientId, Objects.requireNonNull(user, "user"), secret, trustStore,
                trustStorePassword, connectTimeout, keepAlive, operationTimeout, firstReconnectDelay,
                maxReconnectDelay, persistentSession);
    }

    /** These settings trusting the CAs in {@code store} (PKCS12 or JKS) instead of the JVM's defaults. */
    public MqttSettings withTrustStore(Path store, char[] storePassword) {
        return new MqttSettings(serverUri, clientId, username, password, Objects.requireNonNull(store, "store"),
                storePassword, connectTimeout, keepAlive, operationTimeout, firstReconnectDelay, maxReconnectDelay,
                persistentSession);
    }

    /** These settings with other timeouts. */
    public MqttSettings withTimeouts(Duration connect, Duration keepAliveInterval, Duration operation) {
        return new MqttSettings(serverUri, clientId, username, password, trustStore, trustStorePassword, connect,
                keepAliveInterval, operation, firstReconnectDelay, maxReconnectDelay, persistentSession);
    }

    /** These settings with other reconnection delays. */
    public MqttSettings withReconnectDelays(Duration first, Duration max) {
        return new MqttSettings(serverUri, clientId, username, password, trustStore, trustStorePassword,
                connectTimeout, keepAlive, operationTimeout, first, max, persistentSession);
    }

    /**
     * These settings with a persistent session ({@code cleanSession=false}): the broker keeps the subscriptions and
     * queues QoS 1 messages for {@link #clientId} while it is disconnected, and delivers them when a client with the
     * same id connects again. A host's collector uses it; a device keeps its clean, per-run session.
     */
    public MqttSettings withPersistentSession() {
        return new MqttSettings(serverUri, clientId, username, password, trustStore, trustStorePassword,
                connectTimeout, keepAlive, operationTimeout, firstReconnectDelay, maxReconnectDelay, true);
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    @Override
    public String toString() {
        return "MqttSettings[" + serverUri + ", client " + clientId + (username == null ? "" : ", user " + username)
                + (trustStore == null ? "" : ", trust " + trustStore)
                + (persistentSession ? ", persistent session" : "") + "]";
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
