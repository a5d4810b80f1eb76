package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.collect.MosquittoBroker;
import dev.aplysia.host.collect.RequiredPackage;
import dev.aplysia.host.collect.TelemetryCollector;
import dev.aplysia.host.lab.LabDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device run --broker}: a broker it cannot use is said in plain words, and the run does not pass for fine. */
class DeviceRunBrokerTest {

    private static final String BOARD = Path.of("..", "examples", "robot.board").toString();

    @TempDir
    Path dir;

    @Test
    void aMalformedBrokerUrlIsAUsageErrorNamingItBeforeAnythingRuns() {
        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "10", "--broker", "tcp://127.0.0.1:-1");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("tcp://127.0.0.1:-1") && run.err().contains("port"), run.err());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void aRunThatNeverReachesItsBrokerExitsOneSayingWhy() throws IOException {
        String url = "tcp://127.0.0.1:" + closedPort();

        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "500", "--broker", url);

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(url) && run.err().contains("connection refused"), run.err());
        assertTrue(run.err().contains("never connected"), run.err());
    }

    @Test
    void aRefusedPasswordIsPrintedAndTheRunFails() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, "robot", "right")) {
            broker.start();

            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "500", "--broker", broker.url(),
                    "--username", "robot", "--password", "wrong");

            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains(broker.url()) && run.err().contains("user name or password"), run.err());
        }
    }

    @Test
    void tlsToAPlainListenerIsPrintedAndTheRunFails() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            String url = "ssl://127.0.0.1:" + broker.port();

            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "500", "--broker", url);

            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains(url) && run.err().contains("TLS"), run.err());
        }
    }

    @Test
    void anMqttUrlIsTakenAsTcp() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();

            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "500", "--broker",
                    "mqtt://127.0.0.1:" + broker.port(), "--id", "mqtt-scheme");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("connected"), run.err());
        }
    }

    @Test
    void aRunWhoseIdAnotherLiveDeviceHoldsRefusesAndExitsOneNamingTheId() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed: skipping");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.start();
            try (LabDevice first = new LabDevice("twin-1", new PahoTransport(MqttSettings.of(broker.url(),
                    MqttSettings.perRunClientId("lab-twin-1"))), Fixtures.optdigits());
                 TelemetryCollector host = new TelemetryCollector(Topics.of("twin-1"),
                         new PahoTransport(MqttSettings.of(broker.url(), "host-twin-1")))) {
                first.start();
                host.start();
                host.awaitMeta(Duration.ofSeconds(10));

                CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "600000", "--broker",
                        broker.url(), "--id", "twin-1");

                assertEquals(1, run.exitCode(), run.err());
                assertTrue(run.err().contains("device id twin-1 is already in use"), run.err());
                assertEquals(List.of(Topics.ONLINE), host.statuses(), "the first device stayed online");
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
