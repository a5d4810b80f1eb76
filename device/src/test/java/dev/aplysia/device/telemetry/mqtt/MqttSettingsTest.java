package dev.aplysia.device.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttSettingsTest {

    @Test
    void onlyTcpSslMqttAndMqttsUrisAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.of("ws://127.0.0.1:8080", "c"));

        assertEquals("broker URL 'ws://127.0.0.1:8080' must start with tcp://, ssl://, mqtt:// or mqtts://"
                + " (e.g. tcp://127.0.0.1:1883)", e.getMessage());
    }

    @Test
    void mqttAndMqttsUrisAreTheirTcpAndSslEquivalents() {
        assertEquals("tcp://broker.local:1883", MqttSettings.of("mqtt://broker.local:1883", "c").serverUri());
        assertEquals("ssl://broker.local:8883", MqttSettings.of("mqtts://broker.local:8883", "c").serverUri());
        assertEquals("ssl://h:8883", MqttSettings.of("MQTTS://h:8883", "c").serverUri());
    }

    @Test
    void aUrlWithoutAPortGetsTheSchemesStandardPort() {
        assertEquals("tcp://broker.local:1883", MqttSettings.of("mqtt://broker.local", "c").serverUri());
        assertEquals("ssl://broker.local:8883", MqttSettings.of("ssl://broker.local", "c").serverUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:-1", "tcp://127.0.0.1:0", "tcp://127.0.0.1:65536", "tcp://:1883",
        "tcp://127.0.0.1:x", "tcp://", "tcp://h:1/path", "tcp://h 1:1883"})
    void aMalformedUrlIsRefusedNamingIt(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(url, "c"));

        assertTrue(e.getMessage().startsWith("broker URL '" + url + "' "), e.getMessage());
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
                base.firstReconnectDelay(), base.maxReconnectDelay(), false));
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
