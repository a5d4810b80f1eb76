package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.collect.MosquittoBroker;
import dev.aplysia.host.collect.RequiredPackage;
import dev.aplysia.host.collect.TelemetryCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mosquitto ACL that {@code docs/protocol.md} shows, as written there, with the robot running behind it. */
class CommandAclTest {

    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");
    private static final String ACL_HEADING = "# aplysia.acl:";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The fenced block of {@code docs/protocol.md} that starts with {@value #ACL_HEADING}. */
    private static String documentedAcl() throws IOException {
        String doc = Files.readString(PROTOCOL);
        int start = doc.indexOf("```text\n" + ACL_HEADING);
        if (start < 0) {
            throw new AssertionError(PROTOCOL + " has no ```text block starting with '" + ACL_HEADING + "'");
        }
        int body = start + "```text\n".length();
        return doc.substring(body, doc.indexOf("```", body));
    }

    private Path passwords() throws IOException, InterruptedException {
        Path file = dir.resolve("aplysia.passwd");
        addUser(file, "robot-1", "robot-secret", true);
        addUser(file, "operator", "operator-secret", false);
        addUser(file, "mallory", "mallory-secret", false);
        return file;
    }

    private static void addUser(Path file, String user, String password, boolean create)
            throws IOException, InterruptedException {
        List<String> command = create ? List.of("mosquitto_passwd", "-b", "-c", file.toString(), user, password)
                : List.of("mosquitto_passwd", "-b", file.toString(), user, password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static MqttSettings as(MosquittoBroker broker, String user, String password) {
        return MqttSettings.of(broker.url(), user + "-" + System.nanoTime()).withCredentials(user,
                password.toCharArray());
    }

    private static TelemetryCollector watch(MosquittoBroker broker, String user, String password) throws Exception {
        TelemetryCollector collector = new TelemetryCollector(Topics.of("robot-1"),
                new PahoTransport(as(broker, user, password)));
        collector.start();
        collector.awaitConnected(WAIT);
        return collector;
    }

    /** Publishes a retained {@code status online} as {@code user}, waiting for the broker's acknowledgement. */
    private static void fakeOnline(MosquittoBroker broker, String user, String password) throws Exception {
        try (Transport transport = new PahoTransport(as(broker, user, password))) {
            transport.connect(null, new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            });
            transport.publish(Topics.of("robot-1").status(), "online".getBytes(StandardCharsets.UTF_8), 1, true);
        }
    }

    @Test
    void behindTheDocumentedAclTheRobotReportsAndNoOtherUserCanFakeItsStatus() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at /usr/sbin/mosquitto");
        Path acl = Files.writeString(dir.resolve("aplysia.acl"), documentedAcl());
        Path robotPassword = Files.writeString(dir.resolve("robot.password"), "robot-secret\n");
        // Started as root, Mosquitto would drop to user mosquitto, who cannot read the test's private directory.
        try (MosquittoBroker broker = new MosquittoBroker(dir, List.of("user " + System.getProperty("user.name"),
                "allow_anonymous false", "password_file " + passwords(), "acl_file " + acl))) {
            broker.start();
            try (TelemetryCollector operator = watch(broker, "operator", "operator-secret")) {
                CliRun run = CliRun.of("device", "run", "--config", "../examples/robot.board", "--scenario",
                        "../examples/teach-two-situations.scenario", "--broker", broker.url(), "--id", "robot-1",
                        "--username", "robot-1", "--password-file", robotPassword.toString());

                assertEquals(0, run.exitCode(), run.err());
                assertEquals(24, operator.awaitFrames("decisions", 24, WAIT).size());
                operator.awaitStatus("offline", WAIT);
            }
            fakeOnline(broker, "mallory", "mallory-secret");
            fakeOnline(broker, "operator", "operator-secret");

            try (TelemetryCollector late = watch(broker, "operator", "operator-secret")) {
                late.awaitStatus("offline", WAIT);
                assertEquals(List.of("offline"), late.statuses());
            }
        }
    }
}
