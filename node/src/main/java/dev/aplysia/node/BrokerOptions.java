package dev.aplysia.node;

import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How to reach an MQTT broker: URL, credentials, TLS trust store. The password comes from {@code --password-file}
 * (its first line) or the {@value #PASSWORD_VARIABLE} environment variable, which stay out of the process list;
 * {@code --password} still works but shows the password to every user of the machine.
 */
public final class BrokerOptions {

    /** The environment variable holding the MQTT password. */
    public static final String PASSWORD_VARIABLE = "APLYSIA_MQTT_PASSWORD";

    @Option(names = "--username", description = "MQTT user name.")
    String username;

    @Option(names = "--password-file", description = "File whose first line is the MQTT password (readable by the"
            + " device's user only; default: the " + PASSWORD_VARIABLE + " environment variable).")
    Path passwordFile;

    @Option(names = "--password", description = "MQTT password; visible in the process list, so prefer"
            + " --password-file or " + PASSWORD_VARIABLE + ".")
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

    /**
     * Settings for a client called {@code clientId} on {@code url}.
     *
     * @throws IllegalArgumentException naming the option: both password options given, a password option without
     *                                  {@code --username}, or a password file that cannot be read or is empty
     */
    public MqttSettings settings(String url, String clientId) {
        MqttSettings settings = MqttSettings.of(url, clientId);
        if (username != null) {
            String secret = secret();
            settings = settings.withCredentials(username, secret == null ? new char[0] : secret.toCharArray());
        } else if (password != null || passwordFile != null) {
            throw new IllegalArgumentException((passwordFile != null ? "--password-file" : "--password")
                    + " needs --username");
        }
        if (trustStore != null) {
            settings = settings.withTrustStore(trustStore, trustStorePassword == null ? new char[0]
                    : trustStorePassword.toCharArray());
        }
        return settings;
    }

    /** The password from the file, the option or the environment, in that order; null if none. */
    private String secret() {
        if (passwordFile != null && password != null) {
            throw new IllegalArgumentException("give --password-file or --password, not both");
        }
        if (passwordFile != null) {
            return readPasswordFile();
        }
        return password != null ? password : System.getenv(PASSWORD_VARIABLE);
    }

    private String readPasswordFile() {
        String text;
        try {
            text = Files.readString(passwordFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--password-file " + passwordFile + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--password-file " + passwordFile + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file " + passwordFile + ": cannot read it ("
                    + e.getMessage() + ")");
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.isEmpty()) {
            throw new IllegalArgumentException("--password-file " + passwordFile + ": the first line is empty;"
                    + " it must hold the password");
        }
        return firstLine;
    }
}
