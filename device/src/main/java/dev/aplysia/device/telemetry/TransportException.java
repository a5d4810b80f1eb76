package dev.aplysia.device.telemetry;

/** A transport operation that did not go through: no connection, a refusal, or no answer in time. */
public final class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public TransportException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by the client library's {@code cause}. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
