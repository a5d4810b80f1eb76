package dev.aplysia.device.export;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.StateConstraint;
import dev.aplysia.device.core.StateVisitor;
import java.util.zip.CRC32;

/**
 * The CRC-32 of a network's whole state as {@link Network#visitState} visits it: every section's values in order,
 * big-endian in their container width (int32 or int16), without names or headers: the bytes of
 * {@code SnapshotCodec}'s section values. The C core's {@code ap_network_state_crc32} computes the same.
 */
public final class StateCrc implements StateVisitor {

    private final CRC32 crc = new CRC32();

    private StateCrc() {
    }

    /** The state CRC-32 of {@code network}. */
    public static long of(Network network) {
        StateCrc visitor = new StateCrc();
        network.visitState(visitor);
        return visitor.crc.getValue();
    }

    @Override
    public void visit(String name, int[] values, StateConstraint legal) {
        for (int value : values) {
            crc.update(value >>> 24);
            crc.update(value >>> 16);
            crc.update(value >>> 8);
            crc.update(value);
        }
    }

    @Override
    public void visit(String name, short[] values, StateConstraint legal) {
        for (short value : values) {
            crc.update(value >>> 8);
            crc.update(value);
        }
    }
}
