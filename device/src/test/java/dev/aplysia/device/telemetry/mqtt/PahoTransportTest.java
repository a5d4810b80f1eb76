package dev.aplysia.device.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the adapter does without a broker; the broker round trips are in the host's collector tests. */
class PahoTransportTest {

    private static final Transport.ConnectionListener IGNORE = new Transport.ConnectionListener() {
        @Override
        public void connected(boolean reconnect) {
        }

        @Override
        public void connectionLost(Throwable cause) {
        }
    };

    @Test
    void connectingWhereNoBrokerListensFailsNamingTheUri() throws Exception {
        String uri = "tcp://127.0.0.1:" + closedPort();
        try (PahoTransport transport = new PahoTransport(settings(uri))) {
            TransportException e = assertThrows(TransportException.class, () -> transport.connect(null, IGNORE));

            assertTrue(e.getMessage().startsWith("cannot connect to " + uri + ": "), e.getMessage());
            assertFalse(transport.isConnected());
        }
    }

    @Test
    void publishingWhileDisconnectedFailsAtOnce() throws Exception {
        try (PahoTransport transport = new PahoTransport(settings("tcp://127.0.0.1:1"))) {
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.publish("a/b", new byte[1], 1, false));

            assertEquals("not connected to tcp://127.0.0.1:1", e.getMessage());
        }
    }

    @Test
    void subscribingBeforeConnectingOnlyRegistersTheFilter() throws Exception {
        try (PahoTransport transport = new PahoTransport(settings("tcp://127.0.0.1:1"))) {
            transport.subscribe("a/#", (topic, payload) -> { });
        }
    }

    @Test
    void anUnreadableTrustStoreIsReportedWithItsPath(@TempDir Path dir) throws IOException {
        Path store = Files.writeString(dir.resolve("ca.p12"), "not a key store");
        MqttSettings settings = settings("ssl://127.0.0.1:8883").withTrustStore(store, "pw".toCharArray());

        TransportException e = assertThrows(TransportException.class, () -> new PahoTransport(settings));

        assertTrue(e.getMessage().startsWith("cannot read trust store " + store + ": "), e.getMessage());
    }

    @Test
    void aClosedTransportDoesNotConnectAgain() throws Exception {
        PahoTransport transport = new PahoTransport(settings("tcp://127.0.0.1:1"));
        transport.close();
        transport.close();

        TransportException e = assertThrows(TransportException.class, () -> transport.connect(null, IGNORE));
        assertEquals("transport to tcp://127.0.0.1:1 is closed", e.getMessage());
    }

    @Test
    void closingLeavesNoThreadOfTheClientBehind() throws Exception {
        String clientId = "thread-check-" + ProcessHandle.current().pid();
        try (PahoTransport transport = new PahoTransport(MqttSettings.of("tcp://127.0.0.1:" + closedPort(), clientId)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1)))) {
            assertThrows(TransportException.class, () -> transport.connect(null, IGNORE));
        }

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().contains(clientId)), "threads named after " + clientId);
    }

    private static MqttSettings settings(String uri) {
        return MqttSettings.of(uri, "paho-transport-test")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
