package dev.aplysia.hal.storage;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Blobs held in memory: storage for tests and simulations that must not touch the disk. Thread-safe. A capacity, if
 * given, bounds the blob data held by this storage and its folders together, like a small disk: a write that would
 * exceed it fails with {@link ErrorKind#STORAGE_FULL} and changes nothing.
 */
public final class MemoryStorage implements Storage {

    private final Volume volume;
    private final TreeMap<String, byte[]> blobs = new TreeMap<>();
    private final TreeMap<String, MemoryStorage> folders = new TreeMap<>();

    /** Storage without a capacity limit. */
    public MemoryStorage() {
        this(Long.MAX_VALUE);
    }

    /**
     * Storage holding at most {@code capacityBytes} of blob data.
     *
     * @throws IllegalArgumentException when {@code capacityBytes < 0}
     */
    public MemoryStorage(long capacityBytes) {
        this(new Volume(capacityBytes));
    }

    private MemoryStorage(Volume volume) {
        this.volume = volume;
    }

    @Override
    public synchronized void write(String name, byte[] data) throws HalException {
        byte[] old = blobs.get(blob(name));
        volume.change(name, data.length - (old == null ? 0 : old.length));
        blobs.put(name, data.clone());
    }

    @Override
    public synchronized Optional<byte[]> read(String name) throws HalException {
        byte[] data = blobs.get(blob(name));
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    @Override
    public synchronized void rename(String from, String to) throws HalException {
        blob(to);
        byte[] data = blobs.remove(blob(from));
        if (data == null) {
            throw new HalException(ErrorKind.NOT_FOUND, "no blob named '" + from + "' to rename");
        }
        byte[] replaced = blobs.put(to, data);
        if (replaced != null) {
            volume.release(replaced.length);
        }
    }

    @Override
    public synchronized boolean delete(String name) throws HalException {
        byte[] removed = blobs.remove(blob(name));
        if (removed != null) {
            volume.release(removed.length);
        }
        return removed != null;
    }

    @Override
    public synchronized List<String> list() {
        return List.copyOf(blobs.keySet());
    }

    @Override
    public synchronized Storage folder(String name) throws HalException {
        if (blobs.containsKey(BlobName.require(name))) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "'" + name + "' is a blob, not a folder");
        }
        return folders.computeIfAbsent(name, n -> new MemoryStorage(volume));
    }

    @Override
    public long usableBytes() {
        return volume.free();
    }

    /** Says where the blobs are, for messages. */
    @Override
    public String toString() {
        return "memory";
    }

    private String blob(String name) throws HalException {
        if (folders.containsKey(BlobName.require(name))) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "'" + name + "' is a folder, not a blob");
        }
        return name;
    }

    /** The bytes held by a storage and its folders, against their capacity. */
    private static final class Volume {
        private final long capacity;
        private long used;

        Volume(long capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must be at least 0 bytes, was " + capacity);
            }
            this.capacity = capacity;
        }

        synchronized void change(String name, long delta) throws HalException {
            if (delta > capacity - used) {
                throw new HalException(ErrorKind.STORAGE_FULL, "no room for blob '" + name + "': " + used + " of "
                        + capacity + " bytes used, " + delta + " more needed");
            }
            used += delta;
        }

        synchronized void release(long bytes) {
            used -= bytes;
        }

        synchronized long free() {
            return capacity - used;
        }
    }
}
