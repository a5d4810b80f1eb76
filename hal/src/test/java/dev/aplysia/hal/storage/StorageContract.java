package dev.aplysia.hal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link Storage} does; each implementation's test extends this. */
public abstract class StorageContract {

    private static final byte[] OLD = {1, 2, 3};
    private static final byte[] NEW = {9, 8, 7, 6};

    private Storage storage;

    /** A fresh, empty storage. */
    protected abstract Storage createStorage() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = createStorage();
    }

    @Test
    void readsBackWhatWasWritten() throws Exception {
        storage.write("snapshot", OLD);
        assertArrayEquals(OLD, storage.read("snapshot").orElseThrow());
    }

    @Test
    void readingAMissingBlobIsEmpty() throws Exception {
        assertTrue(storage.read("missing").isEmpty());
    }

    @Test
    void anEmptyBlobIsStillABlob() throws Exception {
        storage.write("empty", new byte[0]);
        assertArrayEquals(new byte[0], storage.read("empty").orElseThrow());
    }

    @Test
    void writingAgainReplacesTheBlob() throws Exception {
        storage.write("snapshot", NEW);
        storage.write("snapshot", OLD);
        assertArrayEquals(OLD, storage.read("snapshot").orElseThrow());
    }

    @Test
    void renameMovesTheBlobOverTheTarget() throws Exception {
        storage.write("snapshot", OLD);
        storage.write("snapshot.tmp", NEW);
        storage.rename("snapshot.tmp", "snapshot");
        assertArrayEquals(NEW, storage.read("snapshot").orElseThrow());
        assertTrue(storage.read("snapshot.tmp").isEmpty());
    }

    @Test
    void renamingAMissingBlobIsNotFound() {
        HalException e = assertThrows(HalException.class, () -> storage.rename("missing", "snapshot"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void deleteSaysWhetherThereWasABlob() throws Exception {
        storage.write("snapshot", OLD);
        assertTrue(storage.delete("snapshot"));
        assertFalse(storage.delete("snapshot"));
        assertTrue(storage.read("snapshot").isEmpty());
    }

    @Test
    void listsNamesSorted() throws Exception {
        storage.write("b", OLD);
        storage.write("a.1", OLD);
        storage.write("c_2", OLD);
        assertEquals(List.of("a.1", "b", "c_2"), storage.list());
    }

    @Test
    void changingArraysAfterwardsDoesNotChangeTheBlob() throws Exception {
        byte[] written = OLD.clone();
        storage.write("snapshot", written);
        written[0] = 42;
        storage.read("snapshot").orElseThrow()[1] = 42;
        assertArrayEquals(OLD, storage.read("snapshot").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "../escape", "a/b", "with space",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void invalidNamesAreRejected(String name) {
        HalException e = assertThrows(HalException.class, () -> storage.write(name, OLD));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void aFolderKeepsItsBlobsApartFromItsParents() throws Exception {
        storage.write("snapshot", OLD);
        Storage folder = storage.folder("archive");
        folder.write("snapshot", NEW);

        assertArrayEquals(OLD, storage.read("snapshot").orElseThrow());
        assertArrayEquals(NEW, folder.read("snapshot").orElseThrow());
        assertEquals(List.of("snapshot"), storage.list(), "folders are not listed as blobs");
        assertEquals(List.of("snapshot"), folder.list());
    }

    @Test
    void aFolderOpenedAgainHoldsWhatWasWrittenThere() throws Exception {
        storage.folder("archive").folder("1").write("snapshot", NEW);

        assertArrayEquals(NEW, storage.folder("archive").folder("1").read("snapshot").orElseThrow());
        assertTrue(storage.folder("archive").folder("2").list().isEmpty());
    }

    @Test
    void aFolderNameIsNotABlobName() throws Exception {
        storage.folder("archive");

        for (org.junit.jupiter.api.function.Executable blobOperation : List.<org.junit.jupiter.api.function.Executable>of(
                () -> storage.read("archive"), () -> storage.write("archive", OLD), () -> storage.delete("archive"),
                () -> storage.rename("archive", "moved"))) {
            HalException e = assertThrows(HalException.class, blobOperation);
            assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("archive"), e.getMessage());
        }
    }

    @Test
    void aBlobNameIsNotAFolderName() throws Exception {
        storage.write("snapshot", OLD);

        HalException e = assertThrows(HalException.class, () -> storage.folder("snapshot"));

        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertArrayEquals(OLD, storage.read("snapshot").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "../escape", "a/b"})
    void invalidFolderNamesAreRejected(String name) {
        HalException e = assertThrows(HalException.class, () -> storage.folder(name));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void usableBytesAreNotNegative() throws Exception {
        assertTrue(storage.usableBytes() >= 0);
    }
}
