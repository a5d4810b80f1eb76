package dev.aplysia.host.fleet;

import dev.aplysia.device.telemetry.LastWill;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;

/**
 * A transport that publishes every message at QoS {@code floor} or higher: a fleet run at QoS 1 lifts the telemetry
 * streams, QoS 0 by protocol, to at-least-once delivery, and leaves everything else as the device asked.
 */
public final class QosFloor implements Transport {

    private final Transport inner;
    private final int floor;

    /**
     * @param inner owned from now on
     * @param floor 0 (publish as asked) or 1
     */
    public QosFloor(Transport inner, int floor) {
        if (floor != 0 && floor != 1) {
            throw new IllegalArgumentException("QoS must be 0 or 1, got " + floor);
        }
        this.inner = inner;
        this.floor = floor;
    }

    @Override
    public void connect(LastWill lastWill, ConnectionListener listener) throws TransportException {
        inner.connect(lastWill, listener);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws TransportException {
        inner.publish(topic, payload, Math.max(qos, floor), retained);
    }

    @Override
    public void subscribe(String filter, MessageHandler handler) throws TransportException {
        inner.subscribe(filter, handler);
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public void close() {
        inner.close();
    }
}
