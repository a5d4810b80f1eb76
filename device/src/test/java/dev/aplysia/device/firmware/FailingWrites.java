package dev.aplysia.device.firmware;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import java.util.List;
import java.util.Optional;

/**
 * Memory storage whose changes can be made to fail, as on a disk that went read-only ({@link ErrorKind#IO}) or full
 * ({@link ErrorKind#STORAGE_FULL}, with no usable bytes left); reads keep working.
 */
final class FailingWrites implements Storage {

    private final MemoryStorage inner = new MemoryStorage();
    private ErrorKind failure;

    /** Makes every later change fail with {@code kind}. */
    void fail(ErrorKind kind) {
        failure = kind;
    }

    /** Lets changes through again. */
    void recover() {
        failure = null;
    }

    private void change(String what) throws HalException {
        if (failure != null) {
            throw new HalException(failure, "cannot " + what + ": " + (failure == ErrorKind.STORAGE_FULL
                    ? "No space left on device" : "Read-only file system"));
        }
    }

    @Override
    public void write(String name, byte[] data) throws HalException {
        change("write " + name);
        inner.write(name, data);
    }

    @Override
    public Optional<byte[]> read(String name) throws HalException {
        return inner.read(name);
    }

    @Override
    public void rename(String from, String to) throws HalException {
        change("rename " + from);
        inner.rename(from, to);
    }

    @Override
    public boolean delete(String name) throws HalException {
        change("delete " + name);
        return inner.delete(name);
    }

    @Override
    public List<String> list() {
        return inner.list();
    }

    @Override
    public Storage folder(String name) throws HalException {
        return inner.folder(name);
    }

    @Override
    public long usableBytes() {
        return failure == ErrorKind.STORAGE_FULL ? 0 : inner.usableBytes();
    }

    /** Names the storage in messages. */
    @Override
    public String toString() {
        return "the test's storage";
    }
}
