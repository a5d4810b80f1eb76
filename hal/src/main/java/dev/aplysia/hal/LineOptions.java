package dev.aplysia.hal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} words of one line of a board config, an arena or a robot file, checked against the keys its
 * keyword allows. Numbers are decimals ({@code 250}, {@code -12.5}); a bad one rejects the line.
 */
public final class LineOptions {

    /** Rejects the line being parsed; caught per line so that parsing goes on. */
    public static final class LineRejected extends Exception {
        private static final long serialVersionUID = 1L;

        /** A rejection saying {@code message}. */
        public LineRejected(String message) {
            super(message, null, false, false);
        }
    }

    private final String subject;
    private final Map<String, String> values = new HashMap<>();

    /**
     * The options of a {@code keyword} line, from its {@code words}; rejects unknown and repeated keys. A missing
     * required option is reported as "{@code subject} needs key=...".
     */
    public LineOptions(String keyword, String subject, List<String> words, List<String> allowed)
            throws LineRejected {
        this.subject = subject;
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new LineRejected("'" + word + "' is not key=value");
            }
            String key = word.substring(0, equals);
            if (!allowed.contains(key)) {
                throw new LineRejected("unknown option '" + key + "' for " + keyword + "; expected one of " + allowed);
            }
            if (values.putIfAbsent(key, word.substring(equals + 1)) != null) {
                throw new LineRejected("option '" + key + "' given twice");
            }
        }
    }

    /** Whether {@code key} was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of a required option, as written. */
    public String word(String key) throws LineRejected {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new LineRejected(subject + " needs " + key + "=...");
        }
        return value;
    }

    /** A required decimal within {@code min..max}, inclusive. */
    public double number(String key, double min, double max) throws LineRejected {
        String value = word(key);
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new LineRejected(key + " '" + value + "' is not a number");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new LineRejected(key + " " + value + " is outside " + plain(min) + ".." + plain(max));
        }
        return parsed;
    }

    /** An optional decimal within {@code min..max}, {@code absent} when not given. */
    public double number(String key, double min, double max, double absent) throws LineRejected {
        return has(key) ? number(key, min, max) : absent;
    }

    /** An optional whole number within {@code min..max}, {@code absent} when not given. */
    public int integer(String key, int min, int max, int absent) throws LineRejected {
        if (!has(key)) {
            return absent;
        }
        double parsed = number(key, min, max);
        if (parsed != Math.rint(parsed)) {
            throw new LineRejected(key + " " + word(key) + " is not a whole number");
        }
        return (int) parsed;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
