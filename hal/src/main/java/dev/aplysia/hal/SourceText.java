package dev.aplysia.hal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-based text being parsed (board config, scenario, trace): its meaningful lines split into words, and the
 * errors found so far, each prefixed {@code source:line:}. A {@code #} starts a comment that runs to the end of the
 * line; blank lines are skipped; words are separated by spaces or tabs.
 */
public final class SourceText {

    /** One meaningful line: its 1-based number in the source and its words (at least one). */
    public record Line(int number, List<String> words) {
    }

    private final String source;
    private final List<Line> lines;
    private final List<String> errors = new ArrayList<>();

    private SourceText(String source, List<Line> lines) {
        this.source = source;
        this.lines = lines;
    }

    /** Splits {@code text}, named {@code source} in messages (a file name, usually). */
    public static SourceText of(String source, String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String content = withoutComment(raw[i]).strip();
            if (!content.isEmpty()) {
                lines.add(new Line(i + 1, List.of(content.split("[ \\t]+"))));
            }
        }
        return new SourceText(source, lines);
    }

    /**
     * Reads a UTF-8 file; messages name it by its path.
     *
     * @throws HalException {@link ErrorKind#IO} when the file cannot be read
     */
    public static SourceText read(Path file) throws HalException {
        try {
            return of(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HalException(ErrorKind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The name used in messages. */
    public String source() {
        return source;
    }

    /** The meaningful lines in order. */
    public List<Line> lines() {
        return lines;
    }

    /** Records an error on line {@code lineNumber}; parsing goes on so that one pass reports every bad line. */
    public void reject(int lineNumber, String message) {
        errors.add(where(lineNumber) + " " + message);
    }

    /** {@code source:line:}, the prefix of every message about that line. */
    public String where(int lineNumber) {
        return where(source, lineNumber);
    }

    /** {@code source:line:}, the prefix of every message about a line of a parsed text. */
    public static String where(String source, int lineNumber) {
        return source + ":" + lineNumber + ":";
    }

    /**
     * Fails if any error was recorded.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every recorded error, one per line
     */
    public void throwIfRejected() throws HalException {
        if (!errors.isEmpty()) {
            throw new HalException(ErrorKind.INVALID_CONFIG, String.join(System.lineSeparator(), errors));
        }
    }
}
