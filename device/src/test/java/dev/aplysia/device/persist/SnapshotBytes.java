package dev.aplysia.device.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Crafts snapshots for tests: finds a section by its encoded name (length, name, kind) and overwrites one of its
 * values, or the header's tick, then reseals the checksum, so that only the crafted value can be wrong.
 */
final class SnapshotBytes {

    /** Offset of the header's tick, in every codec version. */
    private static final int TICK_OFFSET = 16;

    private final byte[] bytes;

    private SnapshotBytes(byte[] snapshot) {
        this.bytes = snapshot.clone();
    }

    static SnapshotBytes of(byte[] snapshot) {
        return new SnapshotBytes(snapshot);
    }

    /** Sets value {@code index} of section {@code section} (its kind decides 32 or 16 bits). */
    SnapshotBytes set(String section, int index, int value) {
        int kindAt = find(section);
        int kind = bytes[kindAt];
        int valuesAt = kindAt + 1 + Integer.BYTES;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (kind == Integer.BYTES) {
            buffer.putInt(valuesAt + index * Integer.BYTES, value);
        } else {
            buffer.putShort(valuesAt + index * Short.BYTES, (short) value);
        }
        return this;
    }

    /** Sets the tick recorded in the header. */
    SnapshotBytes headerTick(long tick) {
        ByteBuffer.wrap(bytes).putLong(TICK_OFFSET, tick);
        return this;
    }

    /** Sets the network's tick in both the header and the scalars section (words 0 and 1). */
    SnapshotBytes tick(long tick) {
        return headerTick(tick).set("scalars", 0, (int) (tick >>> 32)).set("scalars", 1, (int) tick);
    }

    /** The crafted snapshot with a valid checksum. */
    byte[] sealed() {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes.clone();
    }

    /** Offset of the kind byte after the section's encoded name. */
    private int find(String section) {
        byte[] name = section.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + 2 + name.length < bytes.length; at++) {
            if (matches(at, name)) {
                return at + 2 + name.length;
            }
        }
        throw new IllegalArgumentException("no section " + section + " in the snapshot");
    }

    private boolean matches(int at, byte[] name) {
        if (((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF)) != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (bytes[at + 2 + k] != name[k]) {
                return false;
            }
        }
        int kind = bytes[at + 2 + name.length];
        return kind == Integer.BYTES || kind == Short.BYTES;
    }
}
