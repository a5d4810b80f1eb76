package dev.aplysia.device.persist;

/**
 * A snapshot that is intact (its checksum holds) but not of this network: another seed, shape or format, or a codec
 * version this firmware does not read. It holds someone's learning, so it must be kept, never overwritten.
 */
public final class ForeignSnapshotException extends SnapshotException {

    /** A snapshot of another network, with what differs. */
    public ForeignSnapshotException(String message) {
        super(message);
    }
}
