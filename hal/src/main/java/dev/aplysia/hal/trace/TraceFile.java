package dev.aplysia.hal.trace;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Trace files on disk. A recording is written gzip-compressed (UTF-8 trace text, header first), whatever the file is
 * called; a trace is read gzip-compressed or as plain text, told apart by the gzip magic bytes, so that a trace can be
 * unpacked, read and edited by hand, and replayed as it is.
 */
public final class TraceFile {

    private static final int GZIP_MAGIC = 0x8b1f;

    private TraceFile() {
    }

    /**
     * A writer of trace text into {@code file}, compressed; closing it finishes the gzip stream, and a file whose
     * writer was never closed reads as cut short.
     *
     * @throws HalException {@link ErrorKind#IO} when the file cannot be created
     */
    public static Writer create(Path file) throws HalException {
        try {
            return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HalException(ErrorKind.IO, "cannot create trace " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and parses a trace file, gzip-compressed or plain.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable; {@link ErrorKind#CORRUPT} naming {@code file:line}
     *                      when the gzip stream is cut short or damaged; {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link Trace#parse}
     */
    public static Trace load(Path file) throws HalException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HalException(ErrorKind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = isGzip(bytes) ? gunzip(file, bytes) : new String(bytes, StandardCharsets.UTF_8);
        return Trace.parse(SourceText.of(file.toString(), text));
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xff) | (bytes[1] & 0xff) << 8) == GZIP_MAGIC;
    }

    private static String gunzip(Path file, byte[] bytes) throws HalException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(bytes.length * 8);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            in.transferTo(text);
        } catch (EOFException e) {
            throw damaged(file, text, "cut short: the gzip stream ends before its trailer (was the recording stopped"
                    + " before it closed the file?)", e);
        } catch (IOException e) {
            throw damaged(file, text, "corrupt gzip stream (" + e.getMessage() + "): the trace is damaged at or before"
                    + " this line", e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** A failure at the line the decompressed text had reached. */
    private static HalException damaged(Path file, ByteArrayOutputStream text, String why, IOException cause) {
        int line = 1;
        for (byte b : text.toByteArray()) {
            line += b == '\n' ? 1 : 0;
        }
        return new HalException(ErrorKind.CORRUPT, SourceText.where(file.toString(), line) + " " + why, cause);
    }
}
