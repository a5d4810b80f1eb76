package dev.aplysia.hal.storage;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.List;
import java.util.Optional;

/**
 * Persistent named blobs.
 *
 * <p>Names follow {@link BlobName}: 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}, not starting with a dot.
 *
 * <p>Durability: an operation that returns normally has reached persistent storage. Power-cut semantics, the weakest
 * any implementation may offer: a {@link #write} cut short may leave the blob holding any prefix of the new data;
 * a {@link #rename} cut short leaves either the old or the new blob under the target name, never a mix. A crash-safe
 * update therefore writes a temporary blob and renames it over the real one. (The file-system implementation makes
 * {@code write} atomic as well; the simulated board's power cut emulates the weakest case.)
 *
 * <p>A storage may hold folders beside its blobs ({@link #folder}): each is a storage of its own, a name holds either a
 * blob or a folder, and {@link #list} names blobs only.
 *
 * <p>Arrays passed in and returned are copies: changing them afterwards does not change what is stored.
 */
public interface Storage {

    /**
     * Stores {@code data} under {@code name}, replacing any blob of that name.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} for an invalid name, {@link ErrorKind#STORAGE_FULL},
     *                      {@link ErrorKind#IO}
     */
    void write(String name, byte[] data) throws HalException;

    /**
     * The blob stored under {@code name}, or empty if there is none.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} for an invalid name, {@link ErrorKind#IO}
     */
    Optional<byte[]> read(String name) throws HalException;

    /**
     * Atomically moves blob {@code from} to {@code to}, replacing any blob named {@code to}.
     *
     * @throws HalException {@link ErrorKind#NOT_FOUND} when there is no blob {@code from},
     *                      {@link ErrorKind#INVALID_ARGUMENT} for an invalid name, {@link ErrorKind#IO}
     */
    void rename(String from, String to) throws HalException;

    /**
     * Removes blob {@code name}.
     *
     * @return whether there was such a blob
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} for an invalid name, {@link ErrorKind#IO}
     */
    boolean delete(String name) throws HalException;

    /**
     * The names of all stored blobs, sorted.
     *
     * @throws HalException {@link ErrorKind#IO}
     */
    List<String> list() throws HalException;

    /**
     * The folder {@code name} inside this storage, created if missing: a storage whose blobs and folders are apart
     * from this one's. Its name follows {@link BlobName}. Reading, writing, renaming or deleting a blob under a
     * folder's name fails with {@link ErrorKind#INVALID_ARGUMENT}, as does a folder under a blob's name.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} for an invalid name or the name of a blob,
     *                      {@link ErrorKind#IO}
     */
    Storage folder(String name) throws HalException;

    /**
     * How many bytes of blob data a write may still use, at most (a file system also spends some on its own
     * blocks), shared with every folder on the same device.
     *
     * @throws HalException {@link ErrorKind#IO}
     */
    long usableBytes() throws HalException;
}
