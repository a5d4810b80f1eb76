package dev.aplysia.device.telemetry.mqtt;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Why a connection attempt failed, in the words a person at a terminal needs: what was refused or unreachable, and
 * what to check. Paho's own messages ("Unable to connect to server", "MqttException") do not say.
 */
final class ConnectFailure {

    private ConnectFailure() {
    }

    /** The reason {@code failure} gives for not connecting to {@code url}. */
    static String describe(String url, Throwable failure) {
        if (failure instanceof MqttException mqtt) {
            String refusal = refusal(mqtt.getReasonCode());
            if (refusal != null) {
                return refusal;
            }
            if (mqtt.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                return "the broker accepted the connection but did not answer in time (is it overloaded or stopped?)";
            }
        }
        Throwable tls = firstOf(failure, SSLException.class);
        if (tls != null) {
            return "TLS failed: " + tls.getMessage() + (url.startsWith("ssl://")
                    ? " (is the port a TLS listener, and is its certificate trusted? see --truststore)" : "");
        }
        return network(url, rootCause(failure));
    }

    /** The broker's answer to CONNECT, when it said no. */
    private static String refusal(int reasonCode) {
        return switch (reasonCode) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                    "the broker refused the user name or password (check --username and --password)";
            case MqttException.REASON_CODE_NOT_AUTHORIZED -> "the broker refused the connection as not authorised:"
                    + " a wrong or missing user name or password, or a user without access (check --username and"
                    + " --password)";
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> "the broker refused the client id";
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> "the broker says it is unavailable";
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION -> "the broker does not speak MQTT 3.1.1";
            default -> null;
        };
    }

    private static String network(String url, Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused: nothing listens at " + hostPort(url);
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + hostPort(url);
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer from " + hostPort(url) + " in time (a firewall, or the wrong address?)";
        }
        if (url.startsWith("ssl://") && (cause instanceof EOFException || cause instanceof SocketException)) {
            return "TLS failed: the other side dropped the connection during the handshake (" + cause.getMessage()
                    + "): is " + hostPort(url) + " a TLS listener?";
        }
        if (cause instanceof EOFException) {
            return "the broker closed the connection during the handshake (a TLS-only port, or a broker refusing this"
                    + " client?)";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static Throwable firstOf(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String hostPort(String url) {
        return url.substring(url.indexOf("://") + 3);
    }
}
