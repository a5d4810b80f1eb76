package dev.aplysia.device.wire;

import java.nio.charset.StandardCharsets;

/**
 * Builds one flat JSON object at a time into a reusable byte buffer, without allocating: {@link #begin()}, then any
 * number of {@code field(...)} calls, then {@link #end()}; the bytes are {@link #buffer()}{@code [0, length())}.
 *
 * <p>Strings are written as UTF-8 with {@code "}, {@code \}, control characters and unpaired surrogates escaped.
 * Field names are written as given (escaped the same way); the writer does not check them for duplicates. Not thread
 * safe: one writer belongs to one thread.
 */
public final class FrameWriter {

    /** The most decimals {@link #field(String, double, int)} writes. */
    public static final int MAX_DECIMALS = 9;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer;
    private int length;
    private boolean open;
    private boolean empty;

    /** A writer for objects of at most {@code capacity} bytes. */
    public FrameWriter(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 bytes, got " + capacity);
        }
        this.buffer = new byte[capacity];
    }

    /** Discards whatever was written and opens a new object. */
    public FrameWriter begin() {
        length = 0;
        open = true;
        empty = true;
        put((byte) '{');
        return this;
    }

    /** Appends {@code "name":value}. */
    public FrameWriter field(String name, long value) {
        name(name);
        putLong(value);
        return this;
    }

    /**
     * Appends {@code "name":value} rounded half away from zero to {@code decimals} places (0..{@value #MAX_DECIMALS}),
     * always with exactly that many digits after the point ({@code 0.500}). NaN, infinities and values whose scaled
     * magnitude reaches 2<sup>63</sup> are written as {@code null}, since JSON has no numbers for them.
     */
    public FrameWriter field(String name, double value, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be in 0.." + MAX_DECIMALS + ", got " + decimals);
        }
        name(name);
        double scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
        if (!(scaled < 0x1p63)) {
            put(NULL);
            return this;
        }
        putFixed(value < 0, Math.round(scaled), decimals);
        return this;
    }

    /** Appends {@code "name":true} or {@code "name":false}. */
    public FrameWriter field(String name, boolean value) {
        name(name);
        put(value ? TRUE : FALSE);
        return this;
    }

    /** Appends {@code "name":"value"}, or {@code "name":null} when {@code value} is null. */
    public FrameWriter field(String name, CharSequence value) {
        name(name);
        if (value == null) {
            put(NULL);
        } else {
            putString(value);
        }
        return this;
    }

    /** Appends {@code "name":[v0,v1,...]} from {@code values[from, from + count)}. */
    public FrameWriter field(String name, int[] values, int from, int count) {
        name(name);
        put((byte) '[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            putLong(values[from + i]);
        }
        put((byte) ']');
        return this;
    }

    /** Closes the object; {@link #buffer()} then holds it. */
    public FrameWriter end() {
        requireOpen();
        put((byte) '}');
        open = false;
        return this;
    }

    /** The backing buffer; the object is in {@code [0, length())}. Valid until the next {@link #begin()}. */
    public byte[] buffer() {
        return buffer;
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    /** The most bytes an object can take. */
    public int capacity() {
        return buffer.length;
    }

    /** A copy of the bytes written so far (allocates; for setup-time payloads and tests). */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(buffer, length);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private void name(String name) {
        requireOpen();
        if (!empty) {
            put((byte) ',');
        }
        empty = false;
        putString(name);
        put((byte) ':');
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("no open object: call begin() first");
        }
    }

    private void putFixed(boolean negative, long scaled, int decimals) {
        if (negative && scaled != 0) {
            put((byte) '-');
        }
        putDigits(scaled / POWERS_OF_TEN[decimals], 1);
        if (decimals > 0) {
            put((byte) '.');
            putDigits(scaled % POWERS_OF_TEN[decimals], decimals);
        }
    }

    private void putLong(long value) {
        if (value == Long.MIN_VALUE) {
            put(MIN_LONG);
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        putDigits(value, 1);
    }

    /** Writes a non-negative value in decimal, left-padded with zeros to at least {@code minDigits}. */
    private void putDigits(long value, int minDigits) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        digits = Math.max(digits, minDigits);
        reserve(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void putString(CharSequence s) {
        put((byte) '"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                put((byte) '\\');
                put((byte) c);
            } else if (c < 0x20) {
                putControl(c);
            } else if (c < 0x80) {
                put((byte) c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                putCodePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                putEscape(c);
            } else {
                putCodePoint(c);
            }
        }
        put((byte) '"');
    }

    private void putControl(char c) {
        switch (c) {
            case '\n' -> putPair('n');
            case '\r' -> putPair('r');
            case '\t' -> putPair('t');
            case '\b' -> putPair('b');
            case '\f' -> putPair('f');
            default -> putEscape(c);
        }
    }

    private void putPair(char escaped) {
        put((byte) '\\');
        put((byte) escaped);
    }

    private void putEscape(char c) {
        putPair('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
            put(HEX[(c >> shift) & 0xF]);
        }
    }

    private void putCodePoint(int cp) {
        if (cp < 0x800) {
            put((byte) (0xC0 | cp >> 6));
        } else if (cp < 0x10000) {
            put((byte) (0xE0 | cp >> 12));
            put((byte) (0x80 | (cp >> 6 & 0x3F)));
        } else {
            put((byte) (0xF0 | cp >> 18));
            put((byte) (0x80 | (cp >> 12 & 0x3F)));
            put((byte) (0x80 | (cp >> 6 & 0x3F)));
        }
        put((byte) (0x80 | (cp & 0x3F)));
    }

    private void put(byte[] bytes) {
        reserve(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        reserve(1);
        buffer[length++] = b;
    }

    private void reserve(int bytes) {
        if (length + bytes > buffer.length) {
            open = false;
            throw new IllegalStateException("frame exceeds its " + buffer.length + " bytes; the object so far: "
                    + new String(buffer, 0, length, StandardCharsets.UTF_8));
        }
    }
}
