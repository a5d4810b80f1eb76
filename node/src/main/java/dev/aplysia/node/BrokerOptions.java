package dev.aplysia.node;

import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How to reach an MQTT broker: URL, credentials, TLS trust store. */
public final class BrokerOptions {

    @Option(names = "--username", description = "MQTT user name.")
    String username;

    @Option(names = "--password", description = "MQTT password (default: the APLYSIA_MQTT_PASSWORD environment"
            + " variable, so it stays out of the process list).")
    String password;

    @Option(names = "--truststore", description = "Trust store (PKCS12 or JKS) for ssl:// brokers with a private CA.")
    Path trustStore;

    @Option(names = "--truststore-password", description = "Trust store password.")
    String trustStorePassword;

    /**
     * Checks a broker URL given as {@code option} before anything runs.
     *
     * @throws CommandLine.ParameterException (exit 2) naming the URL and what is wrong with it
     */
    public static void requireValidUrl(CommandLine.Model.CommandSpec spec, String option, String url) {
        try {
            MqttSettings.of(url, "url-check");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** Settings for a client called {@code clientId} on {@code url}. */
    public MqttSettings settings(String url, String clientId) {
        MqttSettings settings = MqttSettings.of(url, clientId);
        String secret = password != null ? password : System.getenv("APLYSIA_MQTT_PASSWORD");
        if (username != null) {
            settings = settings.withCredentials(username, secret == null ? new char[0] : secret.toCharArray());
        }
        if (trustStore != null) {
            settings = settings.withTrustStore(trustStore, trustStorePassword == null ? new char[0]
                    : trustStorePassword.toCharArray());
        }
        return settings;
    }
}
