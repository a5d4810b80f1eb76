package dev.aplysia.hal.trace;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.SourceText.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed trace: the entries of a recorded run in the order they happened, ticks never decreasing. The format is
 * described at {@link TraceEntry}; {@code #} starts a comment.
 *
 * @param source  the name used in messages, usually the file name
 * @param entries the entries in order
 */
public record Trace(String source, List<TraceEntry> entries) {

    /** A trace with an immutable copy of {@code entries}. */
    public Trace {
        entries = List.copyOf(entries);
    }

    /**
     * Parses trace text.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every bad line as {@code source:line: why}
     */
    public static Trace parse(String source, String text) throws HalException {
        return parse(SourceText.of(source, text));
    }

    /**
     * Reads and parses a trace file.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable, {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link #parse(String, String)}
     */
    public static Trace load(Path file) throws HalException {
        return parse(SourceText.read(file));
    }

    private static Trace parse(SourceText text) throws HalException {
        List<TraceEntry> entries = new ArrayList<>();
        long lastTick = 0;
        for (Line line : text.lines()) {
            try {
                TraceEntry entry = entry(line);
                if (entry.tick() < lastTick) {
                    throw new IllegalArgumentException("tick " + entry.tick() + " goes back from " + lastTick);
                }
                lastTick = entry.tick();
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        text.throwIfRejected();
        return new Trace(text.source(), entries);
    }

    private static TraceEntry entry(Line line) {
        List<String> words = line.words();
        if (words.size() != 4 && words.size() != 5) {
            throw new IllegalArgumentException("expected 'TICK CHANNEL OP VALUE [!KIND]'");
        }
        long tick = number(words.get(0), "tick");
        if (tick < 0) {
            throw new IllegalArgumentException("tick " + tick + " is negative");
        }
        TraceOp op = TraceOp.ofWord(words.get(2)).orElseThrow(() -> new IllegalArgumentException(
                "unknown operation '" + words.get(2) + "'; expected one of " + TraceOp.words()));
        ErrorKind failure = words.size() == 5 ? failure(words.get(4)) : null;
        boolean valueless = failure != null && !op.isOutput();
        long value = valueless ? 0 : number(words.get(3), "value");
        if (valueless && !words.get(3).equals("-")) {
            throw new IllegalArgumentException("a failed " + op.word() + " has no value: write '-'");
        }
        return new TraceEntry(line.number(), tick, words.get(1), op, value, failure);
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an integer", e);
        }
    }

    private static ErrorKind failure(String text) {
        if (text.startsWith("!")) {
            for (ErrorKind kind : ErrorKind.values()) {
                if (kind.name().equals(text.substring(1))) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a failure: expected '!' and an error kind, e.g. !IO");
    }
}
