package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotStoreTest {

    /** A save's storage operations: write the new snapshot, rename current to previous, rename new to current. */
    private static final int SAVE_STEPS = 3;

    /** A board that has a checkpoint at one tick and a newer state whose save is about to be interrupted. */
    private record Rig(SimBoard board, SnapshotStore store, SpikingClassifier device, byte[] checkpoint,
                       long checkpointTick) {

        static Rig afterOneCheckpoint() throws HalException {
            return afterOneCheckpoint(new MemoryStorage());
        }

        static Rig afterOneCheckpoint(Storage storage) throws HalException {
            SimBoard board = SimBoard.builder().storage(storage).build();
            SnapshotStore store = new SnapshotStore(board.storage());
            SpikingClassifier device = SnapshotTest.classifier(5);
            SnapshotTest.learn(device, 0, 10);
            store.save(device.network());
            byte[] checkpoint = SnapshotCodec.encode(device.network());
            long tick = device.network().tick();
            SnapshotTest.learn(device, 10, 10);
            return new Rig(board, store, device, checkpoint, tick);
        }

        SnapshotStore.Boot reboot(SpikingClassifier fresh) throws HalException {
            return new SnapshotStore(board.storage()).boot(fresh.network());
        }
    }

    @Test
    void bootLoadsTheNewestSnapshot() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        rig.store().save(rig.device().network());
        SpikingClassifier fresh = SnapshotTest.classifier(5);

        SnapshotStore.Boot boot = rig.reboot(fresh);

        assertEquals(Optional.of(SnapshotStore.CURRENT), boot.loaded());
        assertEquals(rig.device().network().tick(), boot.tick());
        assertArrayEquals(SnapshotCodec.encode(rig.device().network()), SnapshotCodec.encode(fresh.network()));
    }

    @Test
    void aPowerCutAtEveryByteOfASaveStillBootsTheLastCompleteCheckpoint() throws Exception {
        int length = SnapshotCodec.encode(Rig.afterOneCheckpoint().device().network()).length;
        for (int cut = 0; cut < length; cut++) {
            Rig rig = Rig.afterOneCheckpoint();
            rig.board().faults().cutNextWrite(cut);
            assertThrows(HalException.class, () -> rig.store().save(rig.device().network()));
            SpikingClassifier fresh = SnapshotTest.classifier(5);

            SnapshotStore.Boot boot = rig.reboot(fresh);

            assertEquals(rig.checkpointTick(), boot.tick(), "cut at byte " + cut);
            assertArrayEquals(rig.checkpoint(), SnapshotCodec.encode(fresh.network()), "cut at byte " + cut);
            assertTrue(boot.rejected().stream().anyMatch(r -> r.startsWith(SnapshotStore.NEW)), boot.toString());
        }
    }

    @Test
    void aFailureAtAnyStorageStepOfASaveLosesAtMostOneCheckpointInterval() throws Exception {
        for (int failing = 0; failing < SAVE_STEPS; failing++) {
            FailingStorage storage = new FailingStorage();
            Rig rig = Rig.afterOneCheckpoint(storage);
            long newTick = rig.device().network().tick();
            storage.failOperation(failing);
            assertThrows(HalException.class, () -> rig.store().save(rig.device().network()), "step " + failing);
            storage.failOperation(-1);
            SpikingClassifier fresh = SnapshotTest.classifier(5);

            SnapshotStore.Boot boot = rig.reboot(fresh);

            assertTrue(boot.tick() == rig.checkpointTick() || boot.tick() == newTick,
                    "step " + failing + " booted tick " + boot.tick());
            assertEquals(boot.tick(), fresh.network().tick());
        }
    }

    /** Memory storage whose n-th operation from now fails with an I/O error, before it has any effect. */
    private static final class FailingStorage implements Storage {
        private final MemoryStorage inner = new MemoryStorage();
        private int countdown = -1;

        void failOperation(int n) {
            countdown = n;
        }

        private void tick() throws HalException {
            if (countdown >= 0 && countdown-- == 0) {
                throw new HalException(ErrorKind.IO, "injected storage failure");
            }
        }

        @Override
        public void write(String name, byte[] data) throws HalException {
            tick();
            inner.write(name, data);
        }

        @Override
        public Optional<byte[]> read(String name) throws HalException {
            tick();
            return inner.read(name);
        }

        @Override
        public void rename(String from, String to) throws HalException {
            tick();
            inner.rename(from, to);
        }

        @Override
        public boolean delete(String name) throws HalException {
            tick();
            return inner.delete(name);
        }

        @Override
        public List<String> list() throws HalException {
            tick();
            return inner.list();
        }
    }

    @Test
    void withoutAnySnapshotBootLeavesTheNetworkAsBuilt() throws Exception {
        SimBoard board = SimBoard.builder().build();
        SpikingClassifier fresh = SnapshotTest.classifier(5);
        byte[] built = SnapshotCodec.encode(fresh.network());

        SnapshotStore.Boot boot = new SnapshotStore(board.storage()).boot(fresh.network());

        assertEquals(Optional.empty(), boot.loaded());
        assertArrayEquals(built, SnapshotCodec.encode(fresh.network()));
    }

    @Test
    void aCorruptCurrentSnapshotIsReportedAndThePreviousOneLoaded() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        rig.store().save(rig.device().network());
        byte[] current = rig.board().storage().read(SnapshotStore.CURRENT).orElseThrow();
        current[40] ^= 1;
        rig.board().storage().write(SnapshotStore.CURRENT, current);
        SpikingClassifier fresh = SnapshotTest.classifier(5);

        SnapshotStore.Boot boot = rig.reboot(fresh);

        assertEquals(Optional.of(SnapshotStore.PREVIOUS), boot.loaded());
        assertEquals(rig.checkpointTick(), boot.tick());
        assertTrue(boot.rejected().get(0).contains("checksum"), boot.rejected().toString());
    }
}
