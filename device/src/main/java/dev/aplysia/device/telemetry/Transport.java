package dev.aplysia.device.telemetry;

/**
 * A connection to a publish/subscribe broker, as the project needs it; the MQTT library behind it stays out of sight
 * ({@code telemetry.mqtt.PahoTransport}).
 *
 * <p>Once {@link #connect} has succeeded, the transport reconnects by itself whenever the connection drops, restores
 * every subscription, and reports both to its {@link ConnectionListener}. Listener and handler calls come from the
 * transport's own thread: they must return quickly and must not call {@link #publish}, {@link #subscribe} or
 * {@link #close} (which wait for the broker).
 */
public interface Transport extends AutoCloseable {

    /**
     * Connects, waiting until the broker has accepted the connection and the subscriptions made so far are active.
     * One attempt: on failure nothing is retried and {@code connect} may be called again.
     *
     * @param lastWill what the broker publishes if the connection ends without a clean close; null for none
     * @param listener told about later losses and reconnections
     * @throws TransportException if the broker is unreachable, refuses, or does not answer in time
     */
    void connect(LastWill lastWill, ConnectionListener listener) throws TransportException;

    /**
     * Publishes a message, waiting until it is handed to the network (QoS 0) or acknowledged by the broker (QoS 1).
     *
     * @param payload kept by the transport: do not modify it afterwards
     * @param qos     0 or 1
     * @throws TransportException if not connected, or the connection fails before the message is through
     */
    void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException;

    /**
     * Subscribes at QoS 1, now if connected (waiting for the broker's acknowledgement), and again on every
     * reconnection. Before the first {@link #connect}, it only registers the filter.
     *
     * @param filter  a topic filter ({@code +} and {@code #} allowed)
     * @param handler receives each matching message, on the transport's thread
     * @throws TransportException if connected and the broker refuses or does not answer in time
     */
    void subscribe(String filter, MessageHandler handler) throws TransportException;

    /** True while a connection to the broker is up. */
    boolean isConnected();

    /** Disconnects cleanly (no Last Will) if connected, stops reconnecting and releases threads. Idempotent. */
    @Override
    void close();

    /** Receives messages of a subscription. */
    @FunctionalInterface
    interface MessageHandler {
        /** A message arrived on {@code topic}; the payload array belongs to the handler. */
        void onMessage(String topic, byte[] payload);
    }

    /** Follows the connection after the first successful {@link #connect}. */
    interface ConnectionListener {
        /**
         * The connection is up and every subscription is active.
         *
         * @param reconnect false for the first connection, true after a loss
         */
        void connected(boolean reconnect);

        /** The connection dropped; the transport is trying to reconnect. */
        void connectionLost(Throwable cause);

        /**
         * The transport found part of itself dead while the connection looked up (a receive or send thread of the
         * client library, a reconnection that stopped being retried), threw it away and is connecting afresh.
         *
         * @param what what was found, in plain words
         */
        default void restarted(String what) {
        }
    }
}
