package dev.aplysia.device.persist;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.StateConstraint;
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
 *   identity  the {@link NetworkIdentity} fields (version 2 on; version 1 has none)
 *   sections  u32      number of sections, then per section:
 *     name    u16 length + UTF-8
 *     kind    u8       4 = int32 values, 2 = int16 values
 *     count   u32
 *     values  count * kind bytes
 *   crc32     u32      CRC-32 of every byte before it
 * </pre>
 * Sections follow {@link Network#visitState}. Decoding checks everything before the first value is written, so a
 * rejected snapshot leaves the network untouched: the magic and checksum; then whether the snapshot is this
 * network's (version, identity, fingerprint, and the layout of the sections: names, kinds and lengths), else a
 * {@link ForeignSnapshotException} names what differs; then that every value obeys its section's
 * {@link StateConstraint} and that the header's tick is the state's, else a {@link SnapshotException} names the
 * field. Versions 1 and 2 are read as well: version 1 has no identity; both hold, after the scalars, a section
 * {@value #LEGACY_PRNG} with the state of the sequential generator the core drew from before its draws became
 * counter-based. That section is checked for its layout and dropped: the learned state loads, and the run goes on
 * with counter-based draws.
 */
public final class SnapshotCodec {

    /** The format version this firmware writes. */
    public static final int VERSION = 3;
    /** The oldest format version this firmware reads. */
    public static final int OLDEST_READABLE = 1;

    /** The section versions 1 and 2 hold after the scalars and version 3 no longer writes. */
    static final String LEGACY_PRNG = "prng";
    private static final int LAST_WITH_PRNG = 2;

    static final byte[] MAGIC = {'A', 'P', 'L', 'Y'};
    /** Bytes before the identity: magic, version, reserved, fingerprint, tick. */
    static final int PREFIX_BYTES = 4 + 2 + 2 + 8 + 8;
    private static final int TICK_OFFSET = 16;

    private SnapshotCodec() {
    }

    /** The snapshot of {@code network}'s current state, in a new array (see {@link SnapshotWriter} to reuse one). */
    public static byte[] encode(Network network) {
        return new SnapshotWriter(network).encode();
    }

    /** The tick recorded in a snapshot's header (meaningful once {@link #check} accepted it). */
    public static long tick(byte[] snapshot) {
        return ByteBuffer.wrap(snapshot).getLong(TICK_OFFSET);
    }

    /**
     * Verifies {@code snapshot} against {@code network} without changing it.
     *
     * @throws ForeignSnapshotException when it is intact but of another network, naming what differs
     * @throws SnapshotException        naming what else is wrong
     */
    public static void check(Network network, byte[] snapshot) throws SnapshotException {
        parse(network, snapshot);
    }

    /**
     * Loads {@code snapshot} into {@code network}: all or nothing.
     *
     * @throws SnapshotException as {@link #check}; the network is then untouched
     */
    public static void decode(Network network, byte[] snapshot) throws SnapshotException {
        List<Section> parsed = parse(network, snapshot);
        network.visitState(new StateVisitor() {
            private int next;

            @Override
            public void visit(String name, int[] values, StateConstraint legal) {
                System.arraycopy(parsed.get(next++).ints, 0, values, 0, values.length);
            }

            @Override
            public void visit(String name, short[] values, StateConstraint legal) {
                System.arraycopy(parsed.get(next++).shorts, 0, values, 0, values.length);
            }
        });
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

    private static List<Section> parse(Network network, byte[] snapshot) throws SnapshotException {
        ByteBuffer in = envelope(snapshot);
        int version = in.getShort(4) & 0xFFFF;
        if (version < OLDEST_READABLE || version > VERSION) {
            throw new ForeignSnapshotException("written by snapshot codec version " + version + "; this firmware"
                    + " reads versions " + OLDEST_READABLE + " to " + VERSION);
        }
        checkNetwork(network, version, in);
        long tick = tick(snapshot);
        if (tick < 0) {
            throw new SnapshotException("the header's tick " + tick + " is negative");
        }
        List<Section> parsed = sections(network, in, version);
        checkTick(tick, parsed);
        return parsed;
    }

    /** The bytes between the prefix and the checksum, after checking the magic and the checksum. */
    private static ByteBuffer envelope(byte[] snapshot) throws SnapshotException {
        if (snapshot.length < PREFIX_BYTES + Integer.BYTES + Integer.BYTES) {
            throw new SnapshotException("snapshot truncated: " + snapshot.length + " bytes is shorter than a header");
        }
        for (int k = 0; k < MAGIC.length; k++) {
            if (snapshot[k] != MAGIC[k]) {
                throw new SnapshotException("not a snapshot: bad magic");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, snapshot.length - 4);
        ByteBuffer in = ByteBuffer.wrap(snapshot, 0, snapshot.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(snapshot).getInt(snapshot.length - 4)) {
            throw new SnapshotException("checksum mismatch: corrupt or truncated snapshot");
        }
        return in.position(PREFIX_BYTES);
    }

    private static void checkNetwork(Network network, int version, ByteBuffer in) throws SnapshotException {
        long theirs = in.getLong(8);
        long ours = fingerprint(network);
        if (version == 1) {
            if (theirs != ours) {
                throw new ForeignSnapshotException("of another network: its spec fingerprint " + hex(theirs)
                        + " is not this network's " + hex(ours) + " (a version 1 snapshot names no fields)");
            }
            return;
        }
        List<String> differences = NetworkIdentity.read(in).differencesFrom(NetworkIdentity.of(network.spec()));
        if (!differences.isEmpty()) {
            throw new ForeignSnapshotException("of another network: " + String.join("; ", differences));
        }
        if (theirs != ours) {
            throw new ForeignSnapshotException("of another network: the spec's other parameters (thresholds, rates,"
                    + " rule terms) differ: fingerprint " + hex(theirs) + " in the snapshot, " + hex(ours)
                    + " in this network");
        }
    }

    private static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    private static List<Section> sections(Network network, ByteBuffer in, int version) throws SnapshotException {
        List<Section> expected = layout(network);
        if (version <= LAST_WITH_PRNG) {
            expected.add(1, new Section(LEGACY_PRNG, Integer.BYTES, 4, values -> null, null, null));
        }
        List<Section> parsed = new ArrayList<>(expected.size());
        try {
            int count = in.getInt();
            if (count != expected.size()) {
                throw new ForeignSnapshotException("of another state layout: the snapshot has " + count
                        + " sections, this network " + expected.size());
            }
            for (Section want : expected) {
                parsed.add(Section.read(in, want));
            }
        } catch (BufferUnderflowException e) {
            throw new SnapshotException("snapshot ends inside section " + (parsed.size() + 1));
        }
        if (in.hasRemaining()) {
            throw new SnapshotException(in.remaining() + " unexpected bytes after the last section");
        }
        if (version <= LAST_WITH_PRNG) {
            parsed.remove(1);
        }
        return parsed;
    }

    private static void checkTick(long tick, List<Section> parsed) throws SnapshotException {
        for (Section section : parsed) {
            if (section.name.equals(Network.SCALARS) && Network.tick(section.ints) != tick) {
                throw new SnapshotException("the header's tick " + tick + " is not the state's tick "
                        + Network.tick(section.ints));
            }
        }
    }

    /** The network's sections: names, kinds, lengths and constraints, without values. */
    private static List<Section> layout(Network network) {
        List<Section> sections = new ArrayList<>();
        network.visitState(new StateVisitor() {
            @Override
            public void visit(String name, int[] values, StateConstraint legal) {
                sections.add(new Section(name, Integer.BYTES, values.length, legal, null, null));
            }

            @Override
            public void visit(String name, short[] values, StateConstraint legal) {
                sections.add(new Section(name, Short.BYTES, values.length, legal, null, null));
            }
        });
        return sections;
    }

    /** One named array: its layout, and once read, {@code ints} or {@code shorts}. */
    private record Section(String name, int kind, int length, StateConstraint legal, int[] ints, short[] shorts) {

        static Section read(ByteBuffer in, Section want) throws SnapshotException {
            byte[] utf8 = new byte[in.getShort() & 0xFFFF];
            in.get(utf8);
            String name = new String(utf8, StandardCharsets.UTF_8);
            int kind = in.get();
            int count = in.getInt();
            if (!name.equals(want.name) || kind != want.kind || count != want.length) {
                throw new ForeignSnapshotException("of another state layout: section " + name + " (" + count + " x "
                        + kind + " bytes) where this network has " + want.name + " (" + want.length + " x "
                        + want.kind + " bytes)");
            }
            String violation;
            Section section;
            if (kind == Integer.BYTES) {
                int[] values = new int[count];
                in.asIntBuffer().get(values);
                in.position(in.position() + count * Integer.BYTES);
                violation = want.legal.violation(values);
                section = new Section(name, kind, count, want.legal, values, null);
            } else {
                short[] values = new short[count];
                in.asShortBuffer().get(values);
                in.position(in.position() + count * Short.BYTES);
                violation = want.legal.violation(values);
                section = new Section(name, kind, count, want.legal, null, values);
            }
            if (violation != null) {
                throw new SnapshotException("section " + name + ": " + violation);
            }
            return section;
        }
    }
}
