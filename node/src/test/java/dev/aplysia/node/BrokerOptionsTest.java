package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerOptionsTest {

    private static final String URL = "tcp://127.0.0.1:1883";

    @TempDir
    Path dir;

    private static MqttSettings settings(String... args) {
        return CommandLine.populateCommand(new BrokerOptions(), args).settings(URL, "robot-1");
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> settings(args)).getMessage();
    }

    @Test
    void thePasswordIsTheFirstLineOfThePasswordFile() throws Exception {
        Path file = Files.writeString(dir.resolve("mqtt.password"), "s3cret word\n");

        MqttSettings settings = settings("--username", "robot-1", "--password-file", file.toString());

        assertEquals("robot-1", settings.username());
        assertArrayEquals("s3cret word".toCharArray(), settings.password());
    }

    @Test
    void aMissingPasswordFileIsRefusedNamingIt() {
        Path missing = dir.resolve("nowhere");

        assertEquals("--password-file " + missing + ": no such file",
                refusal("--username", "robot-1", "--password-file", missing.toString()));
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        assertEquals("--password-file " + file + ": the first line is empty; it must hold the password",
                refusal("--username", "robot-1", "--password-file", file.toString()));
    }

    @Test
    void aPasswordWithoutAUserNameIsRefusedInsteadOfIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("mqtt.password"), "x");

        assertEquals("--password-file needs --username", refusal("--password-file", file.toString()));
    }

    @Test
    void bothPasswordOptionsAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("mqtt.password"), "x");

        assertEquals("give --password-file or --password, not both",
                refusal("--username", "u", "--password", "y", "--password-file", file.toString()));
    }
}
