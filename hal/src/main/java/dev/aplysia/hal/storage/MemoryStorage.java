package dev.aplysia.hal.storage;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Blobs held in memory: storage for tests and simulations that must not touch the disk. Thread-safe. */
public final class MemoryStorage implements Storage {

    private final TreeMap<String, byte[]> blobs = new TreeMap<>();

    @Override
    public synchronized void write(String name, byte[] data) throws HalException {
        blobs.put(BlobName.require(name), data.clone());
    }

    @Override
    public synchronized Optional<byte[]> read(String name) throws HalException {
        byte[] data = blobs.get(BlobName.require(name));
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    @Override
    public synchronized void rename(String from, String to) throws HalException {
        BlobName.require(to);
        byte[] data = blobs.remove(BlobName.require(from));
        if (data == null) {
            throw new HalException(ErrorKind.NOT_FOUND, "no blob named '" + from + "' to rename");
        }
        blobs.put(to, data);
    }

    @Override
    public synchronized boolean delete(String name) throws HalException {
        return blobs.remove(BlobName.require(name)) != null;
    }

    @Override
    public synchronized List<String> list() {
        return List.copyOf(blobs.keySet());
    }
}
