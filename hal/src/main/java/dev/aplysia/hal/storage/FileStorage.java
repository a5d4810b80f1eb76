package dev.aplysia.hal.storage;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files in one directory, one file per blob, named as the blob; a folder is a subdirectory.
 *
 * <p>{@link #write} is atomic: the data goes to {@code .NAME.tmp}, is forced to disk, and the temporary file is moved
 * over {@code NAME} with an atomic rename; the directory is then forced so that the rename itself survives a power
 * cut. A leftover temporary file from a cut write is invisible to {@link #list} and overwritten by the next write.
 * Directory forcing works on Linux; where the platform cannot open a directory for it, that step is skipped.
 *
 * <p>{@link #usableBytes} is the usable space of the directory's file store. A failure whose message reports a full
 * device ({@code No space left on device}) is reported as {@link ErrorKind#STORAGE_FULL}; Java exposes no error code
 * to tell it apart otherwise.
 */
public final class FileStorage implements Storage {

    private final Path directory;

    /**
     * Storage in {@code directory}, created if missing.
     *
     * @throws HalException {@link ErrorKind#IO} when the directory cannot be created
     */
    public FileStorage(Path directory) throws HalException {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw failure("cannot create storage directory " + directory, e);
        }
    }

    @Override
    public void write(String name, byte[] data) throws HalException {
        Path target = blob(name);
        Path temporary = directory.resolve("." + name + ".tmp");
        try {
            writeDurably(temporary, data);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw failure("cannot write blob '" + name + "' in " + directory, e);
        }
    }

    @Override
    public Optional<byte[]> read(String name) throws HalException {
        try {
            return Optional.of(Files.readAllBytes(blob(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read blob '" + name + "' in " + directory, e);
        }
    }

    @Override
    public void rename(String from, String to) throws HalException {
        Path source = blob(from);
        Path target = blob(to);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (NoSuchFileException e) {
            throw new HalException(ErrorKind.NOT_FOUND, "no blob named '" + from + "' to rename", e);
        } catch (IOException e) {
            throw failure("cannot rename blob '" + from + "' to '" + to + "' in " + directory, e);
        }
    }

    @Override
    public boolean delete(String name) throws HalException {
        try {
            boolean deleted = Files.deleteIfExists(blob(name));
            forceDirectory();
            return deleted;
        } catch (IOException e) {
            throw failure("cannot delete blob '" + name + "' in " + directory, e);
        }
    }

    @Override
    public List<String> list() throws HalException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(BlobName::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw failure("cannot list blobs in " + directory, e);
        }
    }

    /** The subdirectory {@code name}, created if missing. */
    @Override
    public Storage folder(String name) throws HalException {
        Path folder = directory.resolve(BlobName.require(name));
        if (Files.isRegularFile(folder)) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "'" + name + "' in " + directory
                    + " is a blob, not a folder");
        }
        return new FileStorage(folder);
    }

    @Override
    public long usableBytes() throws HalException {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            throw failure("cannot query the usable space of " + directory, e);
        }
    }

    /** The directory, for messages. */
    @Override
    public String toString() {
        return directory.toString();
    }

    /** The file of blob {@code name}, checked to be a valid name and not a folder. */
    private Path blob(String name) throws HalException {
        Path file = directory.resolve(BlobName.require(name));
        if (Files.isDirectory(file)) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "'" + name + "' in " + directory
                    + " is a folder, not a blob");
        }
        return file;
    }

    private static void writeDurably(Path file, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private void forceDirectory() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return; // this platform cannot open a directory; the rename is as durable as it can make it
        }
        try (channel) {
            channel.force(true);
        }
    }

    private static HalException failure(String message, IOException e) {
        String detail = String.valueOf(e.getMessage());
        ErrorKind kind = detail.contains("No space left on device") ? ErrorKind.STORAGE_FULL : ErrorKind.IO;
        return new HalException(kind, message + ": " + detail, e);
    }
}
