package dev.aplysia.device.persist;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.StateVisitor;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The versioned, checksummed snapshot format of a network's whole state (big-endian):
 * <pre>
 *   magic     4 bytes  "APLY"
 *   version   u16      {@link #VERSION}
 *   reserved  u16      0
 *   network   u64      FNV-1a 64 of the network spec's text: a snapshot loads only into the same network
 *   tick      u64      the network's tick when saved
 *   sections  u32      number of sections, then per section:
 *     name    u16 length + UTF-8
 *     kind    u8       4 = int32 values, 2 = int16 values
 *     count   u32
 *     values  count * kind bytes
 *   crc32     u32      CRC-32 of every byte before it
 * </pre>
 * Sections follow {@link Network#visitState}. Decoding checks everything (magic, version, network, checksum, and
 * every section's name, kind and length against the live network) before the first value is written, so a rejected
 * snapshot leaves the network untouched.
 */
public final class SnapshotCodec {

    /** The format version this firmware writes and reads. */
    public static final int VERSION = 1;

    static final byte[] MAGIC = {'A', 'P', 'L', 'Y'};
    static final int HEADER_BYTES = 4 + 2 + 2 + 8 + 8 + 4;

    private SnapshotCodec() {
    }

    /** The snapshot of {@code network}'s current state, in a new array (see {@link SnapshotWriter} to reuse one). */
    public static byte[] encode(Network network) {
        return new SnapshotWriter(network).encode();
    }

    /** The tick recorded in a snapshot that {@link #check} accepted for some network. */
    public static long tick(byte[] snapshot) {
        return ByteBuffer.wrap(snapshot).getLong(16);
    }

    /**
     * Verifies {@code snapshot} against {@code network} without changing it.
     *
     * @throws SnapshotException naming what is wrong
     */
    public static void check(Network network, byte[] snapshot) throws SnapshotException {
        parse(network, snapshot);
    }

    /**
     * Loads {@code snapshot} into {@code network}: all or nothing.
     *
     * @throws SnapshotException naming what is wrong; the network is then untouched
     */
    public static void decode(Network network, byte[] snapshot) throws SnapshotException {
        List<Section> parsed = parse(network, snapshot);
        network.visitState(new StateVisitor() {
            private int next;

            @Override
            public void visit(String name, int[] values) {
                System.arraycopy(parsed.get(next++).ints, 0, values, 0, values.length);
            }

            @Override
            public void visit(String name, short[] values) {
                System.arraycopy(parsed.get(next++).shorts, 0, values, 0, values.length);
            }
        });
    }

    private static List<Section> parse(Network network, byte[] snapshot) throws SnapshotException {
        checkEnvelope(network, snapshot);
        ByteBuffer in = ByteBuffer.wrap(snapshot, HEADER_BYTES, snapshot.length - HEADER_BYTES - 4);
        List<Section> expected = sections(network);
        int count = ByteBuffer.wrap(snapshot).getInt(HEADER_BYTES - 4);
        if (count != expected.size()) {
            throw new SnapshotException("snapshot has " + count + " sections, the network " + expected.size());
        }
        List<Section> parsed = new ArrayList<>(count);
        try {
            for (Section want : expected) {
                parsed.add(Section.read(in, want));
            }
        } catch (BufferUnderflowException e) {
            throw new SnapshotException("snapshot ends inside section " + (parsed.size() + 1));
        }
        if (in.hasRemaining()) {
            throw new SnapshotException(in.remaining() + " unexpected bytes after the last section");
        }
        return parsed;
    }

    private static void checkEnvelope(Network network, byte[] snapshot) throws SnapshotException {
        if (snapshot.length < HEADER_BYTES + 4) {
            throw new SnapshotException("snapshot truncated: " + snapshot.length + " bytes is shorter than a header");
        }
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        for (byte b : MAGIC) {
            if (in.get() != b) {
                throw new SnapshotException("not a snapshot: bad magic");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, snapshot.length - 4);
        if ((int) crc.getValue() != in.getInt(snapshot.length - 4)) {
            throw new SnapshotException("checksum mismatch: corrupt or truncated snapshot");
        }
        int version = in.getShort() & 0xFFFF;
        if (version != VERSION) {
            throw new SnapshotException("snapshot format version " + version + " is not supported (this firmware reads "
                    + VERSION + ")");
        }
        in.getShort();
        if (in.getLong() != fingerprint(network)) {
            throw new SnapshotException("snapshot belongs to another network (spec fingerprint differs from "
                    + network.spec().name() + ")");
        }
    }

    /** FNV-1a 64 of the spec's text: any change to shape, parameters, rules or seed gives another network. */
    public static long fingerprint(Network network) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : network.spec().toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static List<Section> sections(Network network) {
        List<Section> sections = new ArrayList<>();
        network.visitState(new StateVisitor() {
            @Override
            public void visit(String name, int[] values) {
                sections.add(new Section(name, values.clone(), null));
            }

            @Override
            public void visit(String name, short[] values) {
                sections.add(new Section(name, null, values.clone()));
            }
        });
        return sections;
    }

    /** One named array: {@code ints} or {@code shorts} is set. */
    private record Section(String name, int[] ints, short[] shorts) {

        int kind() {
            return ints != null ? Integer.BYTES : Short.BYTES;
        }

        int length() {
            return ints != null ? ints.length : shorts.length;
        }


        static Section read(ByteBuffer in, Section want) throws SnapshotException {
            byte[] utf8 = new byte[in.getShort() & 0xFFFF];
            in.get(utf8);
            String name = new String(utf8, StandardCharsets.UTF_8);
            int kind = in.get();
            int count = in.getInt();
            if (!name.equals(want.name) || kind != want.kind() || count != want.length()) {
                throw new SnapshotException("section " + name + " (" + count + " x " + kind + " bytes) does not match"
                        + " the network's " + want.name + " (" + want.length() + " x " + want.kind() + " bytes)");
            }
            if (kind == Integer.BYTES) {
                int[] values = new int[count];
                in.asIntBuffer().get(values);
                in.position(in.position() + count * Integer.BYTES);
                return new Section(name, values, null);
            }
            short[] values = new short[count];
            in.asShortBuffer().get(values);
            in.position(in.position() + count * Short.BYTES);
            return new Section(name, null, values);
        }
    }
}
