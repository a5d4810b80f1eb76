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
import dev.aplysia.hal.storage.FileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    /** A save's storage operations once the slots are known: check the room, write the slot. */
    private static final int SAVE_STEPS = 2;
    /** The slot the rig's first checkpoint went to, and the one its next save writes. */
    private static final String FIRST = SnapshotStore.SLOTS.get(0);
    private static final String SECOND = SnapshotStore.SLOTS.get(1);

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

        assertEquals(Optional.of(SECOND), boot.loaded());
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
            assertTrue(boot.rejected().stream().anyMatch(r -> r.startsWith(SECOND)), boot.toString());
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

        @Override
        public Storage folder(String name) throws HalException {
            tick();
            return inner.folder(name);
        }

        @Override
        public long usableBytes() throws HalException {
            tick();
            return inner.usableBytes();
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
    void aCorruptNewestSnapshotIsReportedAndTheOlderOneLoaded() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        rig.store().save(rig.device().network());
        byte[] newest = rig.board().storage().read(SECOND).orElseThrow();
        newest[40] ^= 1;
        rig.board().storage().write(SECOND, newest);
        SpikingClassifier fresh = SnapshotTest.classifier(5);

        SnapshotStore.Boot boot = rig.reboot(fresh);

        assertEquals(Optional.of(FIRST), boot.loaded());
        assertEquals(rig.checkpointTick(), boot.tick());
        assertTrue(boot.rejected().get(0).contains("checksum"), boot.rejected().toString());
    }

    @Test
    void aSnapshotOfAnotherSeedIsRefusedNamingTheSeedAndKept() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        rig.store().save(rig.device().network());
        List<byte[]> before = blobs(rig.board().storage());
        SpikingClassifier otherSeed = SnapshotTest.classifier(6);

        HalException e = assertThrows(HalException.class, () -> rig.reboot(otherSeed));

        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertTrue(e.getMessage().contains("seed") && e.getMessage().contains("5") && e.getMessage().contains("6"),
                e.getMessage());
        assertTrue(e.getMessage().contains(rig.board().storage().list().get(0)), e.getMessage());
        assertEquals(before.size(), blobs(rig.board().storage()).size());
        for (int k = 0; k < before.size(); k++) {
            assertArrayEquals(before.get(k), blobs(rig.board().storage()).get(k));
        }
    }

    @Test
    void aSnapshotOfAnotherShapeIsRefusedNamingThePopulationSize() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        SpikingClassifier wider = new SpikingClassifier(SnapshotTest.config(5).withHidden(7),
                dev.aplysia.device.model.McuProfile.RP2040);

        HalException e = assertThrows(HalException.class, () -> rig.reboot(wider));

        assertTrue(e.getMessage().contains("features.size") && e.getMessage().contains("7"), e.getMessage());
    }

    @Test
    void aNewestSnapshotThatIsADirectoryIsSkippedAndTheOlderOneLoaded(@TempDir Path state) throws Exception {
        Rig rig = Rig.afterOneCheckpoint(new FileStorage(state));
        rig.store().save(rig.device().network());
        String newest = SnapshotValidationTest.newestBlob(rig.board().storage());
        Files.delete(state.resolve(newest));
        Files.createDirectories(state.resolve(newest).resolve("inside"));
        SpikingClassifier fresh = SnapshotTest.classifier(5);

        SnapshotStore.Boot boot = rig.reboot(fresh);

        assertEquals(rig.checkpointTick(), boot.tick());
        assertArrayEquals(rig.checkpoint(), SnapshotCodec.encode(fresh.network()));
        assertTrue(boot.rejected().stream().anyMatch(r -> r.startsWith(newest)), boot.toString());
    }

    @Test
    void aSlotThatCannotBeReadIsNeverWrittenAndSavesGoOnInTheOthers(@TempDir Path state) throws Exception {
        Rig rig = Rig.afterOneCheckpoint(new FileStorage(state));
        rig.store().save(rig.device().network());
        Files.delete(state.resolve(FIRST));
        Files.createDirectories(state.resolve(FIRST).resolve("inside"));
        SpikingClassifier fresh = SnapshotTest.classifier(5);
        SnapshotStore store = new SnapshotStore(rig.board().storage());
        store.boot(fresh.network());

        List<String> written = new java.util.ArrayList<>();
        for (int save = 0; save < 4; save++) {
            SnapshotTest.learn(fresh, 20 + save, 1);
            written.add(store.save(fresh.network()));
        }

        assertTrue(written.stream().noneMatch(FIRST::equals), written.toString());
        assertTrue(Files.isDirectory(state.resolve(FIRST).resolve("inside")));
        assertEquals(2, SnapshotGenerationsTest.valid(rig.board().storage()));
    }

    @Test
    void aSnapshotThatCannotBeReadIsSkippedWithTheReason() throws Exception {
        FailingStorage storage = new FailingStorage();
        Rig rig = Rig.afterOneCheckpoint(storage);
        rig.store().save(rig.device().network());
        storage.failOperation(0);
        SpikingClassifier fresh = SnapshotTest.classifier(5);

        SnapshotStore.Boot boot = rig.reboot(fresh);

        assertTrue(boot.loaded().isPresent(), boot.toString());
        assertTrue(boot.rejected().stream().anyMatch(r -> r.contains("injected storage failure")), boot.toString());
    }

    private static List<byte[]> blobs(Storage storage) throws HalException {
        List<byte[]> blobs = new java.util.ArrayList<>();
        for (String name : storage.list()) {
            blobs.add(storage.read(name).orElseThrow());
        }
        return blobs;
    }

    @Test
    void aSaveWithoutBootRefusesToOverwriteAnotherNetworksSnapshots() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        List<byte[]> before = blobs(rig.board().storage());
        SnapshotStore store = new SnapshotStore(rig.board().storage());

        HalException e = assertThrows(HalException.class, () -> store.save(SnapshotTest.classifier(6).network()));

        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertEquals(before.size(), blobs(rig.board().storage()).size());
        assertArrayEquals(before.get(0), blobs(rig.board().storage()).get(0));
    }

    @Test
    void startingANewNetworkMovesEverySnapshotToTheNextArchiveFolder() throws Exception {
        Rig rig = Rig.afterOneCheckpoint();
        rig.store().save(rig.device().network());
        Storage storage = rig.board().storage();
        List<byte[]> learned = blobs(storage);
        SpikingClassifier otherSeed = SnapshotTest.classifier(6);
        SnapshotStore store = new SnapshotStore(storage);

        SnapshotStore.Boot first = store.bootAsNewNetwork(otherSeed.network());
        store.save(otherSeed.network());
        SnapshotStore.Boot second = new SnapshotStore(storage).bootAsNewNetwork(SnapshotTest.classifier(7).network());

        assertEquals(Optional.of("archive/1"), first.archive());
        assertEquals(Optional.empty(), first.loaded());
        Storage archived = storage.folder("archive").folder("1");
        assertEquals(List.of(FIRST, SECOND), archived.list());
        assertArrayEquals(learned.get(0), archived.read(FIRST).orElseThrow());
        assertArrayEquals(learned.get(1), archived.read(SECOND).orElseThrow());
        assertEquals(Optional.of("archive/2"), second.archive());
        assertEquals(List.of(FIRST), storage.folder("archive").folder("2").list());
        assertEquals(List.of(), storage.list());
    }

    @Test
    void startingANewNetworkOnEmptyStorageArchivesNothing() throws Exception {
        SnapshotStore store = new SnapshotStore(new MemoryStorage());

        SnapshotStore.Boot boot = store.bootAsNewNetwork(SnapshotTest.classifier(5).network());

        assertEquals(Optional.empty(), boot.archive());
        assertEquals(Optional.empty(), boot.loaded());
    }

    @Test
    void withoutRoomForTheSnapshotAndItsMarginASaveWritesNothingAndSaysSo() throws Exception {
        SpikingClassifier device = SnapshotTest.classifier(5);
        int size = SnapshotCodec.encode(device.network()).length;
        MemoryStorage small = new MemoryStorage(size + SnapshotStore.MARGIN_BYTES - 1);

        HalException e = assertThrows(HalException.class, () -> new SnapshotStore(small).save(device.network()));

        assertEquals(ErrorKind.STORAGE_FULL, e.kind());
        assertTrue(e.getMessage().contains(size + " bytes") && e.getMessage().contains("margin"), e.getMessage());
        assertEquals(List.of(), small.list());
    }

    @Test
    void aVersionOneSnapshotOfThisNetworkLoadsAndIsKeptAsItIs() throws Exception {
        Storage storage = new MemoryStorage();
        SpikingClassifier device = SnapshotTest.classifier(5);
        SnapshotTest.learn(device, 0, 10);
        byte[] legacy = SnapshotTest.versionOne(SnapshotCodec.encode(device.network()), device.network());
        storage.write("snapshot.current", legacy);
        SpikingClassifier upgraded = SnapshotTest.classifier(5);
        SnapshotStore store = new SnapshotStore(storage);

        SnapshotStore.Boot boot = store.boot(upgraded.network());
        String written = store.save(upgraded.network());

        assertEquals(Optional.of("snapshot.current"), boot.loaded());
        assertEquals(device.network().tick(), upgraded.network().tick());
        assertEquals(FIRST, written);
        assertArrayEquals(legacy, storage.read("snapshot.current").orElseThrow());
    }

    @Test
    void aVersionOneSnapshotOfAnotherNetworkIsRefused() throws Exception {
        Storage storage = new MemoryStorage();
        SpikingClassifier device = SnapshotTest.classifier(5);
        storage.write("snapshot.current", SnapshotTest.versionOne(SnapshotCodec.encode(device.network()),
                device.network()));

        HalException e = assertThrows(HalException.class,
                () -> new SnapshotStore(storage).boot(SnapshotTest.classifier(6).network()));

        assertTrue(e.getMessage().contains("snapshot.current") && e.getMessage().contains("version 1"),
                e.getMessage());
    }
}
