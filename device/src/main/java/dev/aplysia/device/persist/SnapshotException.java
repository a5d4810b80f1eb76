package dev.aplysia.device.persist;

/**
 * A snapshot that must not be loaded: corrupt, truncated, holding a value no network could hold, or
 * ({@link ForeignSnapshotException}) of another network or codec version.
 */
public class SnapshotException extends Exception {

    /** A snapshot rejected for the reason given. */
    public SnapshotException(String message) {
        super(message);
    }
}
