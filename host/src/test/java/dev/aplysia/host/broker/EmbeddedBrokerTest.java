package dev.aplysia.host.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void itBindsAFreeLoopbackPortAndSaysWhereInItsUrl() throws IOException {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            assertTrue(broker.port() > 0);
            assertEquals("tcp://127.0.0.1:" + broker.port(), broker.url());
            assertTrue(accepts(broker.port()));
        }
    }

    @Test
    void aRestartListensOnTheSamePortAgain() throws IOException {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            int port = broker.port();
            broker.stop();
            assertFalse(broker.isRunning());
            assertFalse(accepts(port));

            broker.start();

            assertEquals(port, broker.port());
            assertTrue(accepts(port));
        }
    }

    @Test
    void itWritesNothingIntoTheWorkingDirectory() throws IOException {
        Set<String> before = workingDirectory();

        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            broker.stop();
            broker.start();
        }

        assertEquals(before, workingDirectory());
        assertFalse(Files.exists(Path.of("data")));
        assertFalse(Files.exists(Path.of("moquette_store.h2")));
    }

    @Test
    void aTakenPortIsReportedAsAnIoError() throws IOException {
        try (EmbeddedBroker first = new EmbeddedBroker().start();
             EmbeddedBroker second = new EmbeddedBroker(first.port())) {
            IOException e = assertThrows(IOException.class, second::start);

            assertTrue(e.getMessage().startsWith("cannot start the MQTT broker on 127.0.0.1:" + first.port()),
                    e.getMessage());
            assertFalse(second.isRunning());
        }
    }

    @Test
    void startingTwiceOrAskingThePortBeforeStartingIsAMistake() throws IOException {
        try (EmbeddedBroker broker = new EmbeddedBroker()) {
            assertThrows(IllegalStateException.class, broker::port);
            broker.start();
            assertThrows(IllegalStateException.class, broker::start);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<String> workingDirectory() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(""))) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
