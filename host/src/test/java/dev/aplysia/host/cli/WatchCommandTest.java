package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code host watch}'s arguments: a bad one is a usage error naming it, before anything starts. */
class WatchCommandTest {

    @Test
    void anHttpAddressWithoutAPortIsAUsageError() {
        CliRun run = CliRun.of("host", "watch", "--broker", "tcp://127.0.0.1:1", "--http", "localhost");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--http must be HOST:PORT, like 127.0.0.1:8080, got 'localhost'"), run.err());
    }

    @Test
    void anHttpPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("host", "watch", "--broker", "tcp://127.0.0.1:1", "--http", "127.0.0.1:70000");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--http: port 70000 is outside 0..65535"), run.err());
    }

    @Test
    void aMalformedBrokerUrlIsAUsageError() {
        CliRun run = CliRun.of("host", "watch", "--broker", "tcp://127.0.0.1:-1", "--http", "127.0.0.1:0");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("tcp://127.0.0.1:-1"), run.err());
    }

    @Test
    void aBrokerThatCannotBeReachedFailsNamingIt() throws IOException {
        String url = "tcp://127.0.0.1:" + closedPort();

        CliRun run = CliRun.of("host", "watch", "--broker", url, "--http", "127.0.0.1:0");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("aplysia: error: ") && run.err().contains("127.0.0.1"), run.err());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
