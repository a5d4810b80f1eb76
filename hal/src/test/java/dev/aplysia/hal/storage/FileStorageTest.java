package dev.aplysia.hal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest extends StorageContract {

    @TempDir
    Path directory;

    @Override
    protected Storage createStorage() throws Exception {
        return new FileStorage(directory);
    }

    @Test
    void eachBlobIsAFileNamedAsTheBlob() throws Exception {
        new FileStorage(directory).write("snapshot", new byte[] {5, 6});
        assertArrayEquals(new byte[] {5, 6}, Files.readAllBytes(directory.resolve("snapshot")));
    }

    @Test
    void aWriteLeavesNoTemporaryFileBehind() throws Exception {
        new FileStorage(directory).write("snapshot", new byte[] {5, 6});
        try (var files = Files.list(directory)) {
            assertEquals(List.of("snapshot"), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void aLeftoverTemporaryFileIsNotListed() throws Exception {
        Files.write(directory.resolve(".snapshot.tmp"), new byte[] {1});
        assertEquals(List.of(), new FileStorage(directory).list());
    }

    @Test
    void createsAMissingDirectory() throws Exception {
        Path nested = directory.resolve("state/device-1");
        new FileStorage(nested).write("snapshot", new byte[] {1});
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(nested.resolve("snapshot")));
    }

    @Test
    void aFolderIsASubdirectory() throws Exception {
        new FileStorage(directory).folder("archive").write("snapshot", new byte[] {4});
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(directory.resolve("archive").resolve("snapshot")));
    }

    @Test
    void usableBytesAreTheFileStoresUsableSpace() throws Exception {
        long usable = Files.getFileStore(directory).getUsableSpace();
        long reported = new FileStorage(directory).usableBytes();
        assertTrue(Math.abs(reported - usable) < 64L * 1024 * 1024, reported + " vs " + usable);
    }
}
