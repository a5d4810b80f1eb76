package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two valid generations of the learned state exist at all times once two saves were made: after a fallback boot,
 * and whatever step of a save a power cut interrupts, again and again.
 */
class SnapshotGenerationsTest {

    /** More storage changes than any save makes: a kill point beyond them lets the save complete. */
    private static final int MAX_STEPS = 12;

    /** How many stored blobs hold a valid snapshot of the test classifier. */
    static int valid(Storage storage) throws HalException {
        Network probe = SnapshotTest.classifier(5).network();
        int valid = 0;
        for (String name : storage.list()) {
            try {
                SnapshotCodec.check(probe, storage.read(name).orElseThrow());
                valid++;
            } catch (SnapshotException e) {
                // not a valid snapshot: not counted
            }
        }
        return valid;
    }

    /** Storage after two saves, ten and fifteen samples learned. */
    private static DyingStorage afterTwoSaves() throws HalException {
        DyingStorage storage = new DyingStorage();
        SnapshotStore store = new SnapshotStore(storage);
        SpikingClassifier device = SnapshotTest.classifier(5);
        SnapshotTest.learn(device, 0, 10);
        store.save(device.network());
        SnapshotTest.learn(device, 10, 5);
        store.save(device.network());
        return storage;
    }

    /** Storage after two saves whose newest snapshot then got corrupt: the next boot falls back. */
    private static DyingStorage newestCorrupt() throws Exception {
        DyingStorage storage = afterTwoSaves();
        String newest = SnapshotValidationTest.newestBlob(storage);
        byte[] bytes = storage.read(newest).orElseThrow();
        bytes[bytes.length / 2] ^= 0x40;
        storage.write(newest, bytes);
        return storage;
    }

    /** Boots a fresh classifier from {@code storage}, learns five more samples and returns the store. */
    private static Running reboot(Storage storage, int from) throws HalException {
        SpikingClassifier device = SnapshotTest.classifier(5);
        SnapshotStore store = new SnapshotStore(storage);
        SnapshotStore.Boot boot = store.boot(device.network());
        SnapshotTest.learn(device, from, 5);
        return new Running(store, device, boot);
    }

    private record Running(SnapshotStore store, SpikingClassifier device, SnapshotStore.Boot boot) {
    }

    @Test
    void afterAFallbackBootEverySaveLeavesTwoValidSnapshots() throws Exception {
        DyingStorage storage = newestCorrupt();
        Running running = reboot(storage, 20);
        assertEquals(1, valid(storage), "the corrupt newest one does not count");

        List<Integer> validAfterEachSave = new ArrayList<>();
        for (int save = 0; save < 4; save++) {
            running.store().save(running.device().network());
            validAfterEachSave.add(valid(storage));
            SnapshotTest.learn(running.device(), 30 + 5 * save, 5);
        }

        assertTrue(validAfterEachSave.stream().allMatch(v -> v >= 2), validAfterEachSave.toString());
    }

    @Test
    void aKillAtEveryStepOfASaveAfterAFallbackBootKeepsTheLoadedSnapshot() throws Exception {
        for (int step = 0; step < MAX_STEPS; step++) {
            DyingStorage storage = newestCorrupt();
            Running running = reboot(storage, 20);
            storage.dieAfter(step);
            saveQuietly(running);
            if (!storage.dead()) {
                assertTrue(valid(storage.inner()) >= 2, "completed save: " + storage.inner().list());
                return;
            }
            assertTrue(valid(storage.inner()) >= 1, "killed at step " + step);
            assertRebootLoadsAtLeast(storage, running.boot().tick(), "killed at step " + step);
        }
        throw new AssertionError("the save never completed within " + MAX_STEPS + " storage changes");
    }

    @Test
    void killsAtEveryStepOfTwoSavesInARowNeverLeaveFewerThanTwoValidSnapshots() throws Exception {
        for (int first = 0; first < MAX_STEPS; first++) {
            for (int second = 0; second < MAX_STEPS; second++) {
                String where = "killed at step " + first + ", then at step " + second;
                DyingStorage storage = afterTwoSaves();
                Running running = reboot(storage, 15);
                storage.dieAfter(first);
                saveQuietly(running);
                DyingStorage rebooted = copy(storage.inner());
                assertTrue(valid(rebooted) >= 2, where + ": after the first kill " + rebooted.list());
                Running again = reboot(rebooted, 25);
                rebooted.dieAfter(second);
                saveQuietly(again);

                assertTrue(valid(rebooted.inner()) >= 2, where + ": " + rebooted.inner().list());
                assertRebootLoadsAtLeast(rebooted, again.boot().tick(), where);
            }
        }
    }

    private static void saveQuietly(Running running) {
        try {
            running.store().save(running.device().network());
        } catch (HalException e) {
            // the planned power cut
        }
    }

    /** A live storage holding what {@code dead} was left with. */
    private static DyingStorage copy(Storage dead) throws HalException {
        DyingStorage copy = new DyingStorage();
        for (String name : dead.list()) {
            copy.write(name, dead.read(name).orElseThrow());
        }
        return copy;
    }

    private static void assertRebootLoadsAtLeast(DyingStorage storage, long tick, String where) throws HalException {
        SpikingClassifier fresh = SnapshotTest.classifier(5);
        SnapshotStore.Boot boot = new SnapshotStore(copy(storage.inner())).boot(fresh.network());
        assertTrue(boot.loaded().isPresent() && boot.tick() >= tick, where + ": " + boot);
        assertEquals(Optional.of(boot.tick()), Optional.of(fresh.network().tick()), where);
    }
}
