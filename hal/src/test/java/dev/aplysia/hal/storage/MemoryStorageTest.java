package dev.aplysia.hal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import org.junit.jupiter.api.Test;

class MemoryStorageTest extends StorageContract {

    @Override
    protected Storage createStorage() {
        return new MemoryStorage();
    }

    @Test
    void usableBytesAreTheCapacityLessWhatTheBlobsAndFoldersHold() throws Exception {
        MemoryStorage small = new MemoryStorage(100);
        small.write("a", new byte[30]);
        small.folder("archive").write("a", new byte[20]);
        small.write("a", new byte[10]);

        assertEquals(70, small.usableBytes());
        assertEquals(70, small.folder("archive").usableBytes());
    }

    @Test
    void aWriteBeyondTheCapacityIsStorageFullAndChangesNothing() throws Exception {
        MemoryStorage small = new MemoryStorage(100);
        small.write("a", new byte[60]);

        HalException e = assertThrows(HalException.class, () -> small.write("b", new byte[41]));

        assertEquals(ErrorKind.STORAGE_FULL, e.kind());
        assertEquals(40, small.usableBytes());
        assertArrayEquals(new byte[60], small.read("a").orElseThrow());
    }

    @Test
    void deletingAndReplacingByRenameGiveTheirBytesBack() throws Exception {
        MemoryStorage small = new MemoryStorage(100);
        small.write("a", new byte[60]);
        small.write("b", new byte[30]);
        small.rename("b", "a");
        small.delete("a");

        assertEquals(100, small.usableBytes());
    }
}
