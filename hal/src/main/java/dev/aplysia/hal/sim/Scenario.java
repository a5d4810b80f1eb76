package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.SourceText.Line;
import dev.aplysia.hal.time.DurationText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timeline of inputs, time and expectations to play against a simulated board and its firmware.
 *
 * <p>Format: line-based text, one step per line, {@code #} starts a comment.
 * <pre>
 * set     button 1          # digital input level, 0 or 1
 * set     sonar0 512        # analog input, raw counts
 * advance 10ms              # let virtual time pass: digits then ns, us, ms or s
 * expect  led 1             # digital output level
 * expect  motor 300..400    # PWM duty counts: a range, inclusive, or one value
 * signal  modulator 0.75    # a named value for the firmware: an integer or a decimal
 * </pre>
 * Parsing checks the form of each line; which channels exist is checked when a {@link ScenarioRunner} binds the
 * scenario to a board.
 *
 * @param source the name used in messages, usually the file name
 * @param steps  the steps in file order
 */
public record Scenario(String source, List<Step> steps) {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern COUNTS = Pattern.compile("[0-9]+");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");

    /** One step; {@code line} is its 1-based line number in the source. */
    public sealed interface Step permits SetInput, Advance, Expect, Signal {

        /** The 1-based line number of the step in its source. */
        int line();
    }

    /** Drive input {@code channel} to {@code value} (a level 0/1 or raw counts). */
    public record SetInput(int line, String channel, int value) implements Step {
    }

    /** Let {@code nanos} of virtual time pass. */
    public record Advance(int line, long nanos) implements Step {
    }

    /** Output {@code channel} must hold a value within {@code min..max}, inclusive. */
    public record Expect(int line, String channel, int min, int max) implements Step {

        /** The expected value as written: {@code 1} or {@code 300..400}. */
        public String expected() {
            return min == max ? Integer.toString(min) : min + ".." + max;
        }
    }

    /** Hand the firmware a named value, as written: an integer or a decimal. */
    public record Signal(int line, String name, String value) implements Step {
    }

    /** A scenario with an immutable copy of {@code steps}. */
    public Scenario {
        steps = List.copyOf(steps);
    }

    /**
     * Parses scenario text.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every bad line as {@code source:line: why}
     */
    public static Scenario parse(String source, String text) throws HalException {
        return parse(SourceText.of(source, text));
    }

    /**
     * Reads and parses a scenario file.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable, {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link #parse(String, String)}
     */
    public static Scenario load(Path file) throws HalException {
        return parse(SourceText.read(file));
    }

    /** {@code source:line:}, the prefix of every message about a step. */
    public String where(int line) {
        return SourceText.where(source, line);
    }

    private static Scenario parse(SourceText text) throws HalException {
        List<Step> steps = new ArrayList<>();
        for (Line line : text.lines()) {
            try {
                steps.add(step(line));
            } catch (IllegalArgumentException e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        text.throwIfRejected();
        return new Scenario(text.source(), steps);
    }

    private static Step step(Line line) {
        List<String> words = line.words();
        int number = line.number();
        return switch (words.get(0)) {
            case "set" -> {
                requireArguments(words, 2, "set CHANNEL VALUE");
                yield new SetInput(number, words.get(1), counts(words.get(2)));
            }
            case "advance" -> {
                requireArguments(words, 1, "advance DURATION");
                yield new Advance(number, DurationText.parseNanos(words.get(1)));
            }
            case "expect" -> {
                requireArguments(words, 2, "expect CHANNEL VALUE|MIN..MAX");
                yield expect(number, words.get(1), words.get(2));
            }
            case "signal" -> {
                requireArguments(words, 2, "signal NAME NUMBER");
                yield new Signal(number, words.get(1), number(words.get(2)));
            }
            default -> throw new IllegalArgumentException("unknown step '" + words.get(0)
                    + "'; expected set, advance, expect or signal");
        };
    }

    private static void requireArguments(List<String> words, int count, String usage) {
        if (words.size() != count + 1) {
            throw new IllegalArgumentException("expected '" + usage + "'");
        }
    }

    private static Expect expect(int line, String channel, String value) {
        Matcher range = RANGE.matcher(value);
        if (!range.matches()) {
            int exact = counts(value);
            return new Expect(line, channel, exact, exact);
        }
        int min = counts(range.group(1));
        int max = counts(range.group(2));
        if (min > max) {
            throw new IllegalArgumentException("empty range " + value);
        }
        return new Expect(line, channel, min, max);
    }

    private static int counts(String text) {
        if (!COUNTS.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a non-negative integer");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    private static String number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an integer or a decimal");
        }
        return text;
    }
}
