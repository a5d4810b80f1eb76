package dev.aplysia.device.wire;

/** A payload that is not a flat JSON object {@link FlatJson} accepts; the message says what is wrong and where. */
public final class FlatJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /** {@code what} went wrong at byte {@code offset} of the payload. */
    public FlatJsonException(String what, int offset) {
        super(what + " at offset " + offset);
        this.offset = offset;
    }

    /** The byte offset in the payload where the problem was found. */
    public int offset() {
        return offset;
    }
}
