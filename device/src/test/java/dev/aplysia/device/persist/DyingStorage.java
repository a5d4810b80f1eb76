package dev.aplysia.device.persist;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Memory storage whose process dies after a planned number of changes (writes, renames, deletes): the change that
 * dies leaves a write holding the first half of its data (the weakest a {@link Storage} may offer), and every later
 * operation fails, as nothing runs after a power cut. {@link #inner()} is what a reboot finds.
 */
final class DyingStorage implements Storage {

    private final MemoryStorage inner = new MemoryStorage();
    private int changesLeft = -1;
    private boolean dead;

    /** Lets {@code changes} more changes through, then dies on the next one. */
    void dieAfter(int changes) {
        changesLeft = changes;
    }

    /** True once the planned death happened. */
    boolean dead() {
        return dead;
    }

    /** The storage as it is left. */
    MemoryStorage inner() {
        return inner;
    }

    private boolean dying() throws HalException {
        if (dead) {
            throw new HalException(ErrorKind.IO, "the process is dead");
        }
        if (changesLeft == 0) {
            dead = true;
            return true;
        }
        if (changesLeft > 0) {
            changesLeft--;
        }
        return false;
    }

    @Override
    public void write(String name, byte[] data) throws HalException {
        if (dying()) {
            inner.write(name, Arrays.copyOf(data, data.length / 2));
            throw new HalException(ErrorKind.IO, "power cut while writing " + name);
        }
        inner.write(name, data);
    }

    @Override
    public Optional<byte[]> read(String name) throws HalException {
        if (dead) {
            throw new HalException(ErrorKind.IO, "the process is dead");
        }
        return inner.read(name);
    }

    @Override
    public void rename(String from, String to) throws HalException {
        if (dying()) {
            throw new HalException(ErrorKind.IO, "power cut before renaming " + from);
        }
        inner.rename(from, to);
    }

    @Override
    public boolean delete(String name) throws HalException {
        if (dying()) {
            throw new HalException(ErrorKind.IO, "power cut before deleting " + name);
        }
        return inner.delete(name);
    }

    @Override
    public List<String> list() throws HalException {
        if (dead) {
            throw new HalException(ErrorKind.IO, "the process is dead");
        }
        return inner.list();
    }

    @Override
    public Storage folder(String name) throws HalException {
        if (dead) {
            throw new HalException(ErrorKind.IO, "the process is dead");
        }
        return inner.folder(name);
    }

    @Override
    public long usableBytes() throws HalException {
        if (dead) {
            throw new HalException(ErrorKind.IO, "the process is dead");
        }
        return inner.usableBytes();
    }
}
