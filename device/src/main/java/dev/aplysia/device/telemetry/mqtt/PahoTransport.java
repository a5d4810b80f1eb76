package dev.aplysia.device.telemetry.mqtt;

import dev.aplysia.device.telemetry.LastWill;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A {@link Transport} over MQTT 3.1.1 with Paho's {@code MqttAsyncClient}: clean sessions (or a persistent one, per
 * {@link MqttSettings#persistentSession()}), in-memory persistence (nothing is written to disk), Last Will,
 * username/password and {@code ssl://} per {@link MqttSettings}.
 *
 * <p>Reconnection is done here rather than by Paho's automatic reconnect, whose 1.2.5 implementation keeps the
 * reconnect delay in a static field shared by every client in the JVM and leaves its timer thread running when a
 * client is closed while disconnected. After a loss, attempts start after {@code firstReconnectDelay} and double up
 * to {@code maxReconnectDelay}. Subscriptions are restored in {@code MqttCallbackExtended.connectComplete} on every
 * connection (a clean session forgets them), and the listener hears {@code connected} only once they are active.
 *
 * <p>Shared subscriptions ({@code $share/{group}/{filter}}, which Mosquitto offers to MQTT 3.1.1 clients) work as
 * any other filter. Paho 1.2.5 matches an arriving topic against the filter as written, {@code $share} included, so it
 * never finds their handler; nor does it know any handler yet for the messages a resumed persistent session delivers
 * right after connecting, before the subscriptions are restored. Both reach the handler whose filter (without its
 * {@code $share/{group}/}) matches the topic, through the client's callback.
 *
 * <p>Message handlers run on Paho's callback thread; an exception thrown by one is logged and swallowed, since Paho
 * would otherwise drop the connection.
 *
 * <p>Supervision: Paho's loops run on {@link PahoThreads}, so a loop that dies of an exception Paho does not catch
 * (its receive loop on a topic with a character outside the Basic Multilingual Plane) is seen at once: the client is
 * thrown away, a new one connects, and the listener hears {@link ConnectionListener#restarted}. A watchdog checks
 * every second that a lost connection has a reconnection attempt pending, and schedules one (reporting it) if not. A
 * first {@link #connect} that outlives its wait replaces the client too, so the next attempt starts clean.
 *
 * <p>Connection failures are described in plain words ({@code "connection refused: nothing listens at
 * 127.0.0.1:1883"}, {@code "the broker refused the user name or password"}), after the URL.
 */
public final class PahoTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(PahoTransport.class.getName());
    private static final int QOS_FAILURE = 0x80;
    private static final String SHARE = "$share/";
    private static final long WATCHDOG_MILLIS = 1_000;
    private static final long IN_FLIGHT_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final MqttSettings settings;
    private volatile MqttAsyncClient client;
    private final ScheduledExecutorService reconnector;
    private final Map<String, MessageHandler> subscriptions = new LinkedHashMap<>();
    private final AtomicBoolean connectedBefore = new AtomicBoolean();
    private final AtomicBoolean reconnectPending = new AtomicBoolean();
    private volatile PahoThreads threads;
    private final Object lifecycle = new Object();
    private volatile MqttConnectOptions options;
    private volatile ConnectionListener listener;
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean closed;

    /**
     * A transport that connects per {@code settings} when asked to.
     *
     * @throws TransportException if the URI is malformed or the trust store cannot be read
     */
    public PahoTransport(MqttSettings settings) throws TransportException {
        this.settings = settings;
        this.client = newClient();
        this.options = baseOptions();
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aplysia-mqtt-reconnect-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
        reconnector.scheduleWithFixedDelay(this::watch, WATCHDOG_MILLIS, WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A client whose loops run on threads of its own, so that their deaths are seen ({@link PahoThreads}). */
    private MqttAsyncClient newClient() throws TransportException {
        MqttAsyncClient[] owner = new MqttAsyncClient[1];
        PahoThreads loops = new PahoThreads(settings.clientId(), (loop, failure) -> onLoopDeath(owner[0], loop,
                failure));
        try {
            owner[0] = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence(),
                    new ScheduledExecutorPingSender(loops), loops);
            owner[0].setCallback(new Callback(owner[0]));
            threads = loops;
            return owner[0];
        } catch (MqttException | IllegalArgumentException e) {
            loops.shutdownNow();
            throw new TransportException("cannot create an MQTT client for " + settings.serverUri() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void connect(LastWill lastWill, ConnectionListener connectionListener) throws TransportException {
        synchronized (lifecycle) {
            if (closed) {
                throw new TransportException("transport to " + settings.serverUri() + " is closed");
            }
            listener = connectionListener;
            MqttConnectOptions withWill = baseOptions();
            if (lastWill != null) {
                withWill.setWill(lastWill.topic(), lastWill.payload(), lastWill.qos(), lastWill.retained());
            }
            options = withWill;
            if (client.isConnected()) {
                return;
            }
            CountDownLatch connected = new CountDownLatch(1);
            ready = connected;
            try {
                client.connect(options).waitForCompletion(connectWaitMillis());
            } catch (MqttException | RuntimeException e) {
                abandonAfterFailure(e);
                throw new TransportException("cannot connect to " + settings.serverUri() + ": "
                        + ConnectFailure.describe(settings.serverUri(), e), e);
            }
            awaitReady(connected);
        }
    }

    /**
     * After an attempt that outlived its wait, or failed in a way Paho does not expect, the client may stay
     * "connecting" for good (see {@link #replaceStuckClient}): the next attempt gets a new one.
     */
    private void abandonAfterFailure(Exception failure) {
        if (!(failure instanceof MqttException e) || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT
                || e.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS) {
            replaceStuckClient();
        }
    }

    private void awaitReady(CountDownLatch connected) throws TransportException {
        try {
            if (!connected.await(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                disconnect();
                throw new TransportException("connected to " + settings.serverUri()
                        + " but the subscriptions were not confirmed within " + settings.operationTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while connecting to " + settings.serverUri(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        if (!client.isConnected()) {
            throw new TransportException("not connected to " + settings.serverUri());
        }
        long deadline = System.nanoTime() + settings.operationTimeout().toNanos();
        try {
            IMqttDeliveryToken token = handOver(topic, payload, qos, retained, deadline);
            token.waitForCompletion(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (MqttException e) {
            throw new TransportException("publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Hands a message to Paho. Paho completes a QoS 1 token when the broker's PUBACK arrives but frees its in-flight
     * slot a little later, on its callback thread; publishing one message after another can therefore find every slot
     * still taken ("Too many publishes in progress") with nothing actually in flight. That is waited out, within the
     * operation's time.
     */
    private IMqttDeliveryToken handOver(String topic, byte[] payload, int qos, boolean retained, long deadline)
            throws MqttException {
        while (true) {
            try {
                return client.publish(topic, payload, qos, retained);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(IN_FLIGHT_WAIT_NANOS);
            }
        }
    }

    @Override
    public void subscribe(String filter, MessageHandler handler) throws TransportException {
        IMqttToken token;
        synchronized (subscriptions) {
            subscriptions.put(filter, handler);
            if (!client.isConnected()) {
                return;
            }
            try {
                token = client.subscribe(filter, 1, delivering(handler));
            } catch (MqttException e) {
                forget(filter);
                throw new TransportException("subscribe to " + filter + " failed: " + e.getMessage(), e);
            }
        }
        try {
            token.waitForCompletion(settings.operationTimeout().toMillis());
        } catch (MqttException e) {
            forget(filter);
            throw new TransportException("subscribe to " + filter + " failed: " + e.getMessage(), e);
        }
        if (token.getGrantedQos()[0] == QOS_FAILURE) {
            forget(filter);
            throw new TransportException("the broker refused the subscription to " + filter);
        }
    }

    private void forget(String filter) {
        synchronized (subscriptions) {
            subscriptions.remove(filter);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Stops reconnecting (waiting for an attempt in progress to end), disconnects cleanly if connected, and releases
     * Paho's threads.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            reconnector.shutdown();
            try {
                reconnector.awaitTermination(connectWaitMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            disconnect();
            try {
                client.close();
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.WARNING, "closing MQTT client " + settings.clientId() + ": " + e);
            }
            stopLoops(threads);
        }
    }

    /** Ends the threads of a client that is closed or abandoned, waiting briefly for its loops to notice. */
    private void stopLoops(PahoThreads loops) {
        loops.shutdownNow();
        try {
            loops.awaitTermination(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnect() {
        if (!client.isConnected()) {
            return;
        }
        try {
            client.disconnect(0).waitForCompletion(settings.operationTimeout().toMillis());
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, settings.operationTimeout().toMillis());
            } catch (MqttException again) {
                LOG.log(System.Logger.Level.WARNING, "disconnecting " + settings.clientId() + ": " + again);
            }
        }
    }

    @Override
    public String toString() {
        return "PahoTransport[" + settings + "]";
    }

    private MqttConnectOptions baseOptions() throws TransportException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(!settings.persistentSession());
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(wholeSeconds(settings.connectTimeout().toMillis()));
        o.setKeepAliveInterval(wholeSeconds(settings.keepAlive().toMillis()));
        o.setHttpsHostnameVerificationEnabled(true);
        if (settings.username() != null) {
            o.setUserName(settings.username());
            char[] password = settings.password();
            o.setPassword(password == null ? new char[0] : password);
        }
        if (settings.trustStore() != null) {
            o.setSocketFactory(trustingSslContext().getSocketFactory());
        }
        return o;
    }

    private SSLContext trustingSslContext() throws TransportException {
        try {
            KeyStore store = KeyStore.getInstance(settings.trustStore().toFile(), settings.trustStorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException("cannot read trust store " + settings.trustStore() + ": " + e.getMessage(), e);
        }
    }

    private static int wholeSeconds(long millis) {
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    /** Paho enforces the connect timeout itself; waiting a little longer lets its own error come through. */
    private long connectWaitMillis() {
        return settings.connectTimeout().toMillis() + 1000;
    }

    private IMqttMessageListener delivering(MessageHandler handler) {
        return (topic, message) -> deliver(handler, topic, message);
    }

    private static void deliver(MessageHandler handler, String topic, MqttMessage message) {
        try {
            handler.onMessage(topic, message.getPayload());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handler for " + topic + " failed", e);
        }
    }

    /** The handler of the first subscription whose filter, without a {@code $share/{group}/}, matches {@code topic}. */
    private MessageHandler handlerOf(String topic) {
        synchronized (subscriptions) {
            for (Map.Entry<String, MessageHandler> subscription : subscriptions.entrySet()) {
                if (matches(withoutShare(subscription.getKey()), topic)) {
                    return subscription.getValue();
                }
            }
        }
        return null;
    }

    /** Paho's matching, which refuses a topic it finds invalid by throwing: that is no match, not a dead callback. */
    private static boolean matches(String filter, String topic) {
        try {
            return MqttTopic.isMatched(filter, topic);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutShare(String filter) {
        if (!filter.startsWith(SHARE)) {
            return filter;
        }
        int group = filter.indexOf('/', SHARE.length());
        return group < 0 ? filter : filter.substring(group + 1);
    }

    private void scheduleReconnect(long delayMillis) {
        if (closed) {
            return;
        }
        reconnectPending.set(true);
        try {
            reconnector.schedule(() -> reconnect(delayMillis), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            reconnectPending.set(false);
            LOG.log(System.Logger.Level.DEBUG, "not reconnecting " + settings.clientId() + ": closing");
        }
    }

    /** The watchdog: a connection that is down after having been up must have a reconnection attempt pending. */
    private void watch() {
        if (closed || !connectedBefore.get() || client.isConnected() || reconnectPending.get()) {
            return;
        }
        report("the connection to " + settings.serverUri() + " was down with no reconnection pending");
        scheduleReconnect(settings.firstReconnectDelay().toMillis());
    }

    private void reconnect(long delayMillis) {
        if (closed || client.isConnected()) {
            reconnectPending.set(false);
            return;
        }
        try {
            client.connect(options).waitForCompletion(connectWaitMillis());
            reconnectPending.set(false);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "reconnecting " + settings.clientId() + ": " + e.getMessage());
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                replaceStuckClient();
            }
            scheduleReconnect(Math.min(2 * delayMillis, settings.maxReconnectDelay().toMillis()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reconnecting " + settings.clientId() + " failed unexpectedly", e);
            replaceStuckClient();
            scheduleReconnect(Math.min(2 * delayMillis, settings.maxReconnectDelay().toMillis()));
        }
    }

    /**
     * Paho 1.2.5 can leave a client "connecting" for good after an attempt that outlived its wait (a broker that
     * accepted the socket while restarting, for one): every later {@code connect} then fails with "Connect already in
     * progress" (Paho issue 81 and 1035). The only way out is a new client; the old one is closed by force and its
     * late callbacks are ignored.
     */
    private void replaceStuckClient() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            MqttAsyncClient stuck = client;
            PahoThreads stuckLoops = threads;
            try {
                client = newClient();
            } catch (TransportException e) {
                LOG.log(System.Logger.Level.WARNING, "replacing the stuck client " + settings.clientId(), e);
                return;
            }
            try {
                stuck.disconnectForcibly(0, 0, false);
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.DEBUG, "abandoning stuck client " + settings.clientId() + ": " + e);
            }
            try {
                stuck.close(true);
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing stuck client " + settings.clientId() + ": " + e);
            }
            stuckLoops.shutdownNow();
        }
    }

    /**
     * A loop of {@code owner} died with {@code failure} ({@link PahoThreads}): if it is the current client, it is
     * replaced and a new connection made. Runs on the dead loop's thread; the work is done on the reconnector.
     */
    private void onLoopDeath(MqttAsyncClient owner, String loop, Throwable failure) {
        if (closed || owner != client) {
            return;
        }
        report("Paho's " + loopName(loop) + " died (" + failure + "); a new client reconnects to "
                + settings.serverUri());
        try {
            reconnector.execute(() -> restart(owner));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "not restarting " + settings.clientId() + ": closing");
        }
    }

    /** Leaves {@code dead} cleanly if its send loop still works (so no Last Will fires), then connects afresh. */
    private void restart(MqttAsyncClient dead) {
        if (closed || dead != client) {
            return;
        }
        try {
            dead.disconnect(0).waitForCompletion(settings.operationTimeout().toMillis());
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "leaving the dead client " + settings.clientId() + ": " + e);
        }
        replaceStuckClient();
        scheduleReconnect(settings.firstReconnectDelay().toMillis());
    }

    private static String loopName(String thread) {
        if (thread.startsWith("MQTT Rec")) {
            return "receive loop";
        }
        if (thread.startsWith("MQTT Snd")) {
            return "send loop";
        }
        return thread.startsWith("MQTT Call") ? "callback loop" : "thread " + thread;
    }

    private void report(String what) {
        LOG.log(System.Logger.Level.WARNING, settings.clientId() + ": " + what);
        ConnectionListener l = listener;
        if (l != null) {
            l.restarted(what);
        }
    }

    /** Subscribes again to every filter, then reports the connection (also if that failed, which is logged). */
    private void restoreSubscriptions() {
        String[] filters;
        IMqttMessageListener[] listeners;
        synchronized (subscriptions) {
            filters = subscriptions.keySet().toArray(new String[0]);
            listeners = subscriptions.values().stream().map(this::delivering).toArray(IMqttMessageListener[]::new);
        }
        if (filters.length == 0) {
            reportConnected();
            return;
        }
        int[] qos = new int[filters.length];
        Arrays.fill(qos, 1);
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    reportConnected();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    LOG.log(System.Logger.Level.WARNING, "restoring subscriptions of " + settings.clientId(), cause);
                    reportConnected();
                }
            }, listeners);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "restoring subscriptions of " + settings.clientId(), e);
            reportConnected();
        }
    }

    private void reportConnected() {
        boolean reconnect = connectedBefore.getAndSet(true);
        ConnectionListener l = listener;
        if (l != null) {
            l.connected(reconnect);
        }
        ready.countDown();
    }

    private final class Callback implements MqttCallbackExtended {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (owner == client) {
                restoreSubscriptions();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (owner != client) {
                return;
            }
            ConnectionListener l = listener;
            if (l != null) {
                l.connectionLost(cause);
            }
            scheduleReconnect(settings.firstReconnectDelay().toMillis());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MessageHandler handler = handlerOf(topic);
            if (handler == null) {
                LOG.log(System.Logger.Level.DEBUG, "message on " + topic + " matched no subscription");
            } else {
                deliver(handler, topic, message);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Completion is awaited on the token in publish().
        }
    }
}
