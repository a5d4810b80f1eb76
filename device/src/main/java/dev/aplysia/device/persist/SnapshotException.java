package dev.aplysia.device.persist;

/** A snapshot that must not be loaded: corrupt, truncated, of another version or of another network. */
public final class SnapshotException extends Exception {

    /** A snapshot rejected for the reason given. */
    public SnapshotException(String message) {
        super(message);
    }
}
