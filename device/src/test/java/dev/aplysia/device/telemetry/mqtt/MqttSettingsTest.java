package dev.aplysia.device.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    @Test
    void onlyTcpAndSslUrisAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.of("ws://127.0.0.1:8080", "c"));

        assertEquals("server URI 'ws://127.0.0.1:8080' must start with tcp:// or ssl:// (e.g. tcp://127.0.0.1:1883)",
                e.getMessage());
    }

    @Test
    void aTrustStoreNeedsAnSslUri() {
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of("tcp://h:1", "c")
                .withTrustStore(Path.of("ca.p12"), "pw".toCharArray()));
    }

    @Test
    void aPasswordNeedsAUsername() {
        MqttSettings base = MqttSettings.of("tcp://h:1", "c");

        assertThrows(IllegalArgumentException.class, () -> new MqttSettings(base.serverUri(), "c", null,
                "pw".toCharArray(), null, null, base.connectTimeout(), base.keepAlive(), base.operationTimeout(),
                base.firstReconnectDelay(), base.maxReconnectDelay()));
    }

    @Test
    void reconnectDelaysMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of("tcp://h:1", "c")
                .withReconnectDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void thePasswordIsCopiedAndNotPrinted() {
        char[] secret = "s3cret".toCharArray();
        MqttSettings settings = MqttSettings.of("tcp://h:1", "c").withCredentials("dev", secret);
        secret[0] = 'X';

        assertEquals("s3cret", new String(settings.password()));
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }
}
