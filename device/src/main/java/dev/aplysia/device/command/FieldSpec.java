package dev.aplysia.device.command;

import dev.aplysia.device.wire.FlatJson;
import dev.aplysia.device.wire.Names;
import java.util.List;

/**
 * One field of a command payload: its name, its kind and the values it accepts.
 *
 * @param min       smallest accepted number (numbers, integers, array elements)
 * @param max       largest accepted number (numbers, integers, array elements)
 * @param maxLength longest text, or most array elements
 * @param choices   the accepted texts of a {@link Kind#CHOICE}
 */
public record FieldSpec(String name, Kind kind, double min, double max, int maxLength, List<String> choices) {

    /** What a field holds. */
    public enum Kind {
        /** A string of 1 to {@code maxLength} characters. */
        TEXT,
        /** One of {@code choices}. */
        CHOICE,
        /** A number in {@code [min, max]}. */
        NUMBER,
        /** A whole number in {@code [min, max]}. */
        INTEGER,
        /** {@code true} or {@code false}. */
        FLAG,
        /** An array of 1 to {@code maxLength} numbers, each in {@code [min, max]}. */
        NUMBERS
    }

    public FieldSpec {
        Names.require("field name", name);
        if (name.equals("id")) {
            throw new IllegalArgumentException("'id' is the correlation id every command may carry, not a field");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("field " + name + ": empty range [" + min + ", " + max + "]");
        }
        choices = List.copyOf(choices);
    }

    /** A string of 1 to {@code maxLength} characters. */
    public static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, Kind.TEXT, 0, 0, maxLength, List.of());
    }

    /** One of {@code choices}. */
    public static FieldSpec choice(String name, List<String> choices) {
        return new FieldSpec(name, Kind.CHOICE, 0, 0, 0, choices);
    }

    /** A number in {@code [min, max]}. */
    public static FieldSpec number(String name, double min, double max) {
        return new FieldSpec(name, Kind.NUMBER, min, max, 0, List.of());
    }

    /** A whole number in {@code [min, max]}. */
    public static FieldSpec integer(String name, long min, long max) {
        return new FieldSpec(name, Kind.INTEGER, min, max, 0, List.of());
    }

    /** {@code true} or {@code false}. */
    public static FieldSpec flag(String name) {
        return new FieldSpec(name, Kind.FLAG, 0, 0, 0, List.of());
    }

    /** An array of 1 to {@code maxCount} numbers, each in {@code [min, max]}. */
    public static FieldSpec numbers(String name, int maxCount, double min, double max) {
        return new FieldSpec(name, Kind.NUMBERS, min, max, maxCount, List.of());
    }

    /**
     * Why field {@code i} of {@code json} does not fit this spec, or null if it does.
     *
     * @return a message naming the field and what was wrong ("field 'value' must be in [0, 1], got 2.5")
     */
    String violation(FlatJson json, int i) {
        FlatJson.Type type = json.type(i);
        return switch (kind) {
            case TEXT -> type != FlatJson.Type.STRING ? wrongType("a string", type) : textViolation(json.text(i));
            case CHOICE -> type != FlatJson.Type.STRING ? wrongType("a string", type) : choiceViolation(json.text(i));
            case NUMBER -> type != FlatJson.Type.NUMBER ? wrongType("a number", type) : rangeViolation(json.number(i));
            case INTEGER -> type != FlatJson.Type.NUMBER ? wrongType("a whole number", type)
                    : integerViolation(json.number(i));
            case FLAG -> type != FlatJson.Type.BOOLEAN ? wrongType("true or false", type) : null;
            case NUMBERS -> type != FlatJson.Type.NUMBERS ? wrongType("an array of numbers", type)
                    : arrayViolation(json, i);
        };
    }

    /** The value of field {@code i}, already checked by {@link #violation}, as {@link Command} stores it. */
    Object value(FlatJson json, int i) {
        return switch (kind) {
            case TEXT, CHOICE -> json.text(i);
            case NUMBER -> json.number(i);
            case INTEGER -> (long) json.number(i);
            case FLAG -> json.bool(i);
            case NUMBERS -> elements(json, i);
        };
    }

    private static double[] elements(FlatJson json, int i) {
        double[] values = new double[json.count(i)];
        for (int k = 0; k < values.length; k++) {
            values[k] = json.number(i, k);
        }
        return values;
    }

    private String wrongType(String expected, FlatJson.Type got) {
        return "field '" + name + "' must be " + expected + ", got " + describe(got);
    }

    private static String describe(FlatJson.Type type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBERS -> "an array";
        };
    }

    private String textViolation(String text) {
        return text.isEmpty() || text.length() > maxLength
                ? "field '" + name + "' must have 1 to " + maxLength + " characters, got " + text.length() : null;
    }

    private String choiceViolation(String text) {
        return choices.contains(text) ? null
                : "field '" + name + "' must be one of " + choices + ", got '" + text + "'";
    }

    private String rangeViolation(double value) {
        return value >= min && value <= max ? null
                : "field '" + name + "' must be in " + range(min, max) + ", got " + number(value);
    }

    private String integerViolation(double value) {
        if (value != Math.rint(value)) {
            return "field '" + name + "' must be a whole number, got " + number(value);
        }
        return rangeViolation(value);
    }

    private String arrayViolation(FlatJson json, int i) {
        int count = json.count(i);
        if (count == 0 || count > maxLength) {
            return "field '" + name + "' must have 1 to " + maxLength + " numbers, got " + count;
        }
        for (int k = 0; k < count; k++) {
            double v = json.number(i, k);
            if (!(v >= min && v <= max)) {
                return "field '" + name + "' element " + k + " must be in " + range(min, max) + ", got " + number(v);
            }
        }
        return null;
    }

    /** {@code [min, max]} with whole numbers written without a fraction. */
    static String range(double min, double max) {
        return "[" + number(min) + ", " + number(max) + "]";
    }

    /** A number as a person would write it: {@code 3}, {@code 0.25}, {@code 1.0E-9}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
