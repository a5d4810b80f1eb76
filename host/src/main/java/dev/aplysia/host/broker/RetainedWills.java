package dev.aplysia.host.broker;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores the retained Last Will of a client whose connection was lost, which Moquette 0.17 only forwards to current
 * subscribers (MQTT 3.1.1 §3.1.2.8 asks for it to be retained).
 *
 * <p>Moquette calls interceptors on its own thread after the fact; the will is stored only if the client has not
 * reconnected meanwhile, so a quick reconnection's {@code online} is not overwritten. It is stored at QoS 1 at least,
 * because Moquette does not retain QoS 0 messages. Current subscribers receive the will a second time.
 */
final class RetainedWills extends AbstractInterceptHandler {

    private static final String PUBLISHER_ID = "aplysia-retained-wills";

    private final Server server;
    private final Map<String, Will> wills = new ConcurrentHashMap<>();

    RetainedWills(Server server) {
        this.server = server;
    }

    @Override
    public String getID() {
        return PUBLISHER_ID;
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptConnectMessage.class, InterceptDisconnectMessage.class,
            InterceptConnectionLostMessage.class};
    }

    @Override
    public void onConnect(InterceptConnectMessage msg) {
        if (msg.isWillFlag() && msg.isWillRetain()) {
            wills.put(msg.getClientID(), new Will(msg.getWillTopic(), msg.getWillMessage(), msg.getWillQos()));
        } else {
            wills.remove(msg.getClientID());
        }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage msg) {
        wills.remove(msg.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        Will will = wills.remove(msg.getClientID());
        if (will != null && !isConnected(msg.getClientID())) {
            server.internalPublish(MqttMessageBuilders.publish()
                    .topicName(will.topic())
                    .retained(true)
                    .qos(MqttQoS.valueOf(Math.min(2, Math.max(1, will.qos()))))
                    .payload(Unpooled.copiedBuffer(will.payload()))
                    .build(), PUBLISHER_ID);
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Session loop errors are Moquette's own to log; wills are unaffected.
    }

    private boolean isConnected(String clientId) {
        return server.listConnectedClients().stream().map(ClientDescriptor::getClientID).anyMatch(clientId::equals);
    }

    private record Will(String topic, byte[] payload, int qos) {
    }
}
