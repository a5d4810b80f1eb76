package dev.aplysia.hal;

/**
 * What went wrong, in terms generic code can act on: retry ({@link #IO}, {@link #TIMEOUT}, {@link #BUSY}), fix the
 * caller ({@link #INVALID_CHANNEL}, {@link #INVALID_ARGUMENT}, {@link #INVALID_CONFIG}) or recover stored state
 * ({@link #NOT_FOUND}, {@link #STORAGE_FULL}, {@link #CORRUPT}).
 */
public enum ErrorKind {
    /** The bus or device failed to carry out the operation: a transfer failed, a line could not be driven. */
    IO,
    /** The operation did not finish within its deadline. */
    TIMEOUT,
    /** The resource is held by someone else; a later retry may succeed. */
    BUSY,
    /** No channel of the requested kind has that name. */
    INVALID_CHANNEL,
    /** An argument lies outside its documented range. */
    INVALID_ARGUMENT,
    /** A configuration, scenario or trace text is malformed, or asks for something the board cannot provide. */
    INVALID_CONFIG,
    /** The named stored item does not exist. */
    NOT_FOUND,
    /** Persistent storage has no room left for the data. */
    STORAGE_FULL,
    /** Stored data failed validation: bad checksum, truncated, unknown version. */
    CORRUPT,
    /** Anything else; the message says what. */
    OTHER
}
