package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    static ClassifierConfig config(long seed) {
        return new ClassifierConfig(8, 6, 3, 8, 2.0, 0.9, 0.7, 1.0, 0.5, 0.75, 0.5, seed);
    }

    static SpikingClassifier classifier(long seed) {
        return new SpikingClassifier(config(seed), McuProfile.RP2040);
    }

    /** Learns {@code samples} deterministic samples (the label follows the brightest input). */
    static void learn(SpikingClassifier classifier, int from, int samples) {
        int[] x = new int[8];
        for (int n = from; n < from + samples; n++) {
            Arrays.fill(x, 1);
            x[n % 8] = 16;
            x[(n * 3) % 8] += 5;
            classifier.learn(x, (n % 8) % 3, 1.0);
        }
    }

    @Test
    void aRestoredNetworkContinuesBitForBitLikeTheUninterruptedOne() throws Exception {
        SpikingClassifier original = classifier(5);
        learn(original, 0, 20);
        byte[] snapshot = SnapshotCodec.encode(original.network());
        SpikingClassifier restored = classifier(5);

        SnapshotCodec.decode(restored.network(), snapshot);
        learn(original, 20, 20);
        learn(restored, 20, 20);

        assertEquals(original.network().tick(), restored.network().tick());
        assertArrayEquals(SnapshotCodec.encode(original.network()), SnapshotCodec.encode(restored.network()));
    }

    @Test
    void aFlippedByteIsRejectedByTheChecksumAndLeavesTheNetworkUntouched() {
        SpikingClassifier learned = classifier(5);
        learn(learned, 0, 10);
        byte[] snapshot = SnapshotCodec.encode(learned.network());
        snapshot[snapshot.length / 2] ^= 0x10;
        Network fresh = classifier(5).network();
        byte[] before = SnapshotCodec.encode(fresh);

        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotCodec.decode(fresh, snapshot));

        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertArrayEquals(before, SnapshotCodec.encode(fresh));
    }

    @Test
    void everyTruncationIsRejected() {
        SpikingClassifier learned = classifier(5);
        learn(learned, 0, 3);
        byte[] snapshot = SnapshotCodec.encode(learned.network());
        Network fresh = classifier(5).network();

        for (int length = 0; length < snapshot.length; length++) {
            byte[] cut = Arrays.copyOf(snapshot, length);
            assertThrows(SnapshotException.class, () -> SnapshotCodec.check(fresh, cut), "length " + length);
        }
    }

    @Test
    void aSnapshotOfAnotherNetworkIsRejectedAsIncompatible() {
        byte[] snapshot = SnapshotCodec.encode(classifier(5).network());
        Network other = classifier(6).network();

        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotCodec.check(other, snapshot));

        assertTrue(e.getMessage().contains("another network"), e.getMessage());
    }

    @Test
    void aSnapshotOfAnotherFormatVersionIsRejectedNamingTheVersion() {
        Network network = classifier(5).network();
        byte[] snapshot = SnapshotCodec.encode(network);
        snapshot[5] = 9;
        reseal(snapshot);

        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotCodec.check(network, snapshot));

        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }

    @Test
    void aSnapshotOfAnotherSeedIsForeignNamingTheSeed() {
        byte[] snapshot = SnapshotCodec.encode(classifier(5).network());
        Network other = classifier(6).network();

        ForeignSnapshotException e = assertThrows(ForeignSnapshotException.class,
                () -> SnapshotCodec.check(other, snapshot));

        assertTrue(e.getMessage().contains("seed: 5 in the snapshot, 6 in this network"), e.getMessage());
    }

    @Test
    void aVersionOneSnapshotOfThisNetworkStillLoads() throws Exception {
        SpikingClassifier original = classifier(5);
        learn(original, 0, 10);
        byte[] current = SnapshotCodec.encode(original.network());
        byte[] versionOne = versionOne(current, original.network());
        SpikingClassifier restored = classifier(5);

        SnapshotCodec.decode(restored.network(), versionOne);

        assertArrayEquals(current, SnapshotCodec.encode(restored.network()));
    }

    @Test
    void aVersionOneSnapshotOfAnotherNetworkIsForeign() {
        Network seed5 = classifier(5).network();
        byte[] versionOne = versionOne(SnapshotCodec.encode(seed5), seed5);

        ForeignSnapshotException e = assertThrows(ForeignSnapshotException.class,
                () -> SnapshotCodec.check(classifier(6).network(), versionOne));

        assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
    }

    @Test
    void aVersionTwoSnapshotLoadsItsLearnedStateAndDropsTheOldGeneratorState() throws Exception {
        SpikingClassifier original = classifier(5);
        learn(original, 0, 10);
        byte[] current = SnapshotCodec.encode(original.network());
        SpikingClassifier restored = classifier(5);

        SnapshotCodec.decode(restored.network(), legacy(current, original.network(), 2));

        assertArrayEquals(current, SnapshotCodec.encode(restored.network()));
    }

    /** The version 1 encoding of a snapshot: version 2's without the identity block. */
    static byte[] versionOne(byte[] snapshot, Network network) {
        return legacy(snapshot, network, 1);
    }

    /**
     * A current snapshot as version 1 or 2 wrote it: with the sequential generator's four words in a section
     * {@code prng} after the scalars, and (version 1) without the identity block.
     */
    static byte[] legacy(byte[] snapshot, Network network, int version) {
        int identity = NetworkIdentity.of(network.spec()).encode().length;
        int sectionsAt = SnapshotCodec.PREFIX_BYTES + identity;
        int scalarsEnd = sectionsAt + Integer.BYTES + Short.BYTES + Network.SCALARS.length() + 1 + Integer.BYTES
                + 4 * Integer.BYTES;
        java.nio.ByteBuffer prng = java.nio.ByteBuffer.allocate(Short.BYTES + 4 + 1 + Integer.BYTES + 16)
                .putShort((short) 4).put(SnapshotCodec.LEGACY_PRNG.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put((byte) Integer.BYTES).putInt(4).putInt(1).putInt(2).putInt(3).putInt(4);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(snapshot, 0, SnapshotCodec.PREFIX_BYTES);
        if (version >= 2) {
            out.write(snapshot, SnapshotCodec.PREFIX_BYTES, identity);
        }
        out.writeBytes(java.nio.ByteBuffer.allocate(Integer.BYTES)
                .putInt(java.nio.ByteBuffer.wrap(snapshot).getInt(sectionsAt) + 1).array());
        out.write(snapshot, sectionsAt + Integer.BYTES, scalarsEnd - sectionsAt - Integer.BYTES);
        out.writeBytes(prng.array());
        out.write(snapshot, scalarsEnd, snapshot.length - scalarsEnd);
        byte[] old = out.toByteArray();
        old[5] = (byte) version;
        reseal(old);
        return old;
    }

    @Test
    void encodingIntoTheWritersBufferAllocatesNothingOnceWarm() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        SpikingClassifier learned = classifier(5);
        learn(learned, 0, 5);
        SnapshotWriter writer = new SnapshotWriter(learned.network());
        for (int warm = 0; warm < 20_000; warm++) {
            writer.encode();
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long calibration = threads.getThreadAllocatedBytes(thread) - before;

        long start = threads.getThreadAllocatedBytes(thread);
        byte[] snapshot = writer.encode();
        long allocated = threads.getThreadAllocatedBytes(thread) - start - calibration;

        assertEquals(0, allocated);
        assertArrayEquals(SnapshotCodec.encode(learned.network()), snapshot);
    }

    private static void reseal(byte[] snapshot) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(snapshot, 0, snapshot.length - 4);
        java.nio.ByteBuffer.wrap(snapshot).putInt(snapshot.length - 4, (int) crc.getValue());
    }
}
