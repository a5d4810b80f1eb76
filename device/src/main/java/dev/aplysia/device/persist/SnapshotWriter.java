package dev.aplysia.device.persist;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.StateConstraint;
import dev.aplysia.device.core.StateVisitor;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Encodes snapshots of one network in the {@link SnapshotCodec} format into one buffer allocated at construction,
 * so that a checkpoint on the tick thread allocates nothing: a network's snapshot always has the same size.
 * Section names must be ASCII (population and projection names), checked at construction.
 */
public final class SnapshotWriter {

    private final Network network;
    private final long fingerprint;
    private final byte[] identity;
    private final byte[] buffer;
    private final ByteBuffer out;
    private final CRC32 crc = new CRC32();
    private final int sectionCount;
    private final StateVisitor sections = new StateVisitor() {
        @Override
        public void visit(String name, int[] values, StateConstraint legal) {
            header(name, Integer.BYTES, values.length);
            for (int value : values) {
                out.putInt(value);
            }
        }

        @Override
        public void visit(String name, short[] values, StateConstraint legal) {
            header(name, Short.BYTES, values.length);
            for (short value : values) {
                out.putShort(value);
            }
        }
    };

    /** A writer sized for {@code network}'s snapshots. */
    public SnapshotWriter(Network network) {
        this.network = network;
        this.fingerprint = SnapshotCodec.fingerprint(network);
        this.identity = NetworkIdentity.of(network.spec()).encode();
        int[] layout = layout(network, identity.length);
        this.buffer = new byte[layout[0]];
        this.out = ByteBuffer.wrap(buffer);
        this.sectionCount = layout[1];
    }

    /** The network this writer encodes. */
    public Network network() {
        return network;
    }

    /** The snapshot of the network's current state, in this writer's buffer (overwritten by the next call). */
    public byte[] encode() {
        out.clear();
        out.put(SnapshotCodec.MAGIC).putShort((short) SnapshotCodec.VERSION).putShort((short) 0)
                .putLong(fingerprint).putLong(network.tick()).put(identity).putInt(sectionCount);
        network.visitState(sections);
        crc.reset();
        crc.update(buffer, 0, out.position());
        out.putInt((int) crc.getValue());
        return buffer;
    }

    private void header(String name, int kind, int count) {
        out.putShort((short) name.length());
        for (int i = 0; i < name.length(); i++) {
            out.put((byte) name.charAt(i));
        }
        out.put((byte) kind).putInt(count);
    }

    /** {snapshot bytes, section count} of {@code network}'s snapshots. */
    private static int[] layout(Network network, int identityBytes) {
        int[] layout = {SnapshotCodec.PREFIX_BYTES + identityBytes + Integer.BYTES + Integer.BYTES, 0};
        network.visitState(new StateVisitor() {
            @Override
            public void visit(String name, int[] values, StateConstraint legal) {
                layout[0] += section(name) + values.length * Integer.BYTES;
                layout[1]++;
            }

            @Override
            public void visit(String name, short[] values, StateConstraint legal) {
                layout[0] += section(name) + values.length * Short.BYTES;
                layout[1]++;
            }
        });
        return layout;
    }

    private static int section(String name) {
        if (!name.chars().allMatch(c -> c > 0 && c < 128)) {
            throw new IllegalArgumentException("snapshot section name '" + name + "' is not ASCII");
        }
        return Short.BYTES + name.length() + 1 + Integer.BYTES;
    }
}
