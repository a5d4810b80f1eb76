package dev.aplysia.hal.trace;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.SourceText.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed trace: its {@link TraceHeader} (the first line), then the entries of a recorded run in the order they
 * happened, ticks never decreasing. The entry format is described at {@link TraceEntry}; {@code #} starts a comment.
 *
 * @param source  the name used in messages, usually the file name
 * @param header  what made the trace
 * @param entries the entries in order
 */
public record Trace(String source, TraceHeader header, List<TraceEntry> entries) {

    /** A trace with an immutable copy of {@code entries}. */
    public Trace {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }

    /**
     * Parses trace text.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every bad line as {@code source:line: why}, a
     *                      missing or malformed header included
     */
    public static Trace parse(String source, String text) throws HalException {
        return parse(SourceText.of(source, text));
    }

    static Trace parse(SourceText text) throws HalException {
        List<Line> lines = text.lines();
        boolean headed = !lines.isEmpty() && TraceHeader.isHeader(lines.get(0).words());
        TraceHeader header = header(text, lines);
        List<TraceEntry> entries = new ArrayList<>();
        ClockReadings clock = new ClockReadings();
        long lastTick = 0;
        for (Line line : lines.subList(headed ? 1 : 0, lines.size())) {
            try {
                TraceEntry entry = entry(line);
                if (entry.tick() < lastTick) {
                    throw new IllegalArgumentException("tick " + entry.tick() + " goes back from " + lastTick);
                }
                clock.check(entry);
                lastTick = entry.tick();
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        text.throwIfRejected();
        return new Trace(text.source(), header, entries);
    }

    /** The header on the first line, or null (rejected, with that line) when there is none. */
    private static TraceHeader header(SourceText text, List<Line> lines) {
        if (lines.isEmpty()) {
            text.reject(1, "no trace header: the trace is empty");
            return null;
        }
        try {
            return TraceHeader.parse(lines.get(0).words());
        } catch (IllegalArgumentException e) {
            text.reject(lines.get(0).number(), e.getMessage());
            return null;
        }
    }

    /**
     * Refuses to replay this trace for a run other than the one that recorded it.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG}
     *                      {@code source:1: recorded by another run: FIELD RECORDED, this run VALUE; ...}, naming every
     *                      field that differs
     */
    public void requireRecordedBy(TraceHeader run) throws HalException {
        List<String> differences = header.differencesFrom(run);
        if (!differences.isEmpty()) {
            throw new HalException(ErrorKind.INVALID_CONFIG, SourceText.where(source, 1)
                    + " recorded by another run: " + String.join("; ", differences));
        }
    }

    /** The last tick the trace holds an entry for; 0 when it holds none. */
    public long lastTick() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).tick();
    }

    private static TraceEntry entry(Line line) {
        List<String> words = line.words();
        if (TraceHeader.isHeader(words)) {
            throw new IllegalArgumentException("a second header: a trace has one, on its first line");
        }
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

    /** The clock entries seen so far, enough to check that each steady run has a step to continue. */
    private static final class ClockReadings {
        private int readings;
        private long lastTick = -1;

        void check(TraceEntry entry) {
            if (!entry.channel().equals(TraceEntry.CLOCK)) {
                return;
            }
            if (entry.op() == TraceOp.STEADY) {
                checkSteady(entry);
                readings += (int) Math.min(2, entry.value());
            } else {
                readings++;
            }
            lastTick = entry.tick();
        }

        private void checkSteady(TraceEntry entry) {
            if (entry.failed() || entry.value() < 1) {
                throw new IllegalArgumentException("a steady run holds one or more successful reads, not "
                        + (entry.failed() ? "a failure" : entry.value()));
            }
            if (readings < 2) {
                throw new IllegalArgumentException("a steady run continues the step between the two clock readings"
                        + " before it; this trace has " + readings + " before it");
            }
            long first = entry.tick() - entry.value() + 1;
            if (first <= lastTick) {
                throw new IllegalArgumentException("a steady run of " + entry.value() + " reads ending at tick "
                        + entry.tick() + " starts at tick " + first + ", not after the clock reading at tick "
                        + lastTick);
            }
        }
    }
}
