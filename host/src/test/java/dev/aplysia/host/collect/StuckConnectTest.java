package dev.aplysia.host.collect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reconnect attempt whose socket is accepted but never answered (a broker still starting, a half-open link)
 * outlives its wait, and Paho 1.2.5 then keeps the client "connecting" for good; the transport must still get back
 * in once the broker answers new connections.
 */
class StuckConnectTest {

    @Test
    void aConnectAttemptLeftUnansweredPastItsWaitDoesNotWedgeTheClient() throws Exception {
        Semaphore connections = new Semaphore(0);
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             TcpRelay relay = new TcpRelay(broker.port());
             PahoTransport transport = new PahoTransport(DeviceRig.settings(relay.url(), "wedge"))) {
            transport.connect(null, new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                    connections.release();
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            });
            assertTrue(connections.tryAcquire(10, TimeUnit.SECONDS));

            relay.hold();
            relay.cut();
            Thread.sleep(DeviceRig.CONNECT_TIMEOUT.toMillis() + 2_000);
            relay.admitNewOnly();

            assertTrue(connections.tryAcquire(20, TimeUnit.SECONDS), "reconnected while the first attempt hangs");
        }
    }
}
