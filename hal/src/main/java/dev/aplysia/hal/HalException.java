package dev.aplysia.hal;

import java.util.Objects;

/**
 * The failure of a HAL operation. Checked, so that every caller of a capability decides what a failure means for it,
 * as with embedded-hal's {@code Result}; {@link #kind()} says what kind of failure it was.
 */
public final class HalException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /** A failure of the given kind, described by {@code message}. */
    public HalException(ErrorKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A failure of the given kind caused by {@code cause}, typically a driver exception. */
    public HalException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What kind of failure this is. */
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "HalException[" + kind + "]: " + getMessage();
    }
}
