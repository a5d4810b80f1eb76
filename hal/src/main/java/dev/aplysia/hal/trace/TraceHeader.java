package dev.aplysia.hal.trace;

import dev.aplysia.hal.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What made a trace, written as its first line: {@code aplysia-trace 2 firmware=VERSION seed=SEED config=HASH}. A
 * replay runs only against the run that made the trace: the same firmware version, seed and config hash.
 *
 * @param firmware the firmware version: no spaces, {@code =} or {@code #}
 * @param seed     the seed of the network the run starts from when it boots without a snapshot
 * @param config   16 lowercase hex digits: the first 64 bits of the SHA-256 of the board config's declarations and the
 *                 firmware's settings (see {@link #of})
 */
public record TraceHeader(String firmware, long seed, String config) {

    /** The first word of a trace. */
    public static final String MAGIC = "aplysia-trace";

    /** The trace format this build writes and reads; format 1 had no header. */
    public static final int FORMAT = 2;

    private static final String SHAPE = MAGIC + " " + FORMAT + " firmware=VERSION seed=SEED config=HASH";
    private static final int HASH_DIGITS = 16;

    /** A header with its fields checked. */
    public TraceHeader {
        require(firmware != null && firmware.matches("[^\\s=#]+"), "firmware version '" + firmware
                + "' must be one word without '=' or '#'");
        require(config != null && config.matches("[0-9a-f]{" + HASH_DIGITS + "}"), "config hash '" + config
                + "' must be " + HASH_DIGITS + " lowercase hex digits");
    }

    /**
     * The header of a run of firmware {@code firmware} with {@code seed}, on the board {@code board} declares, with
     * the firmware settings {@code firmwareSettings} (stable text of everything that decides what the firmware does,
     * apart from the seed). The board counts by its declarations, word by word: comments, blank lines and spacing do
     * not change the hash; any declared channel, pin or option does.
     */
    public static TraceHeader of(String firmware, long seed, SourceText board, String firmwareSettings) {
        return new TraceHeader(firmware, seed, configHash(board, firmwareSettings));
    }

    private static String configHash(SourceText board, String firmwareSettings) {
        StringBuilder text = new StringBuilder("board\n");
        board.lines().forEach(line -> text.append(String.join(" ", line.words())).append('\n'));
        text.append("firmware\n").append(firmwareSettings);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The header as the first line of a trace, without the line break. */
    public String line() {
        return MAGIC + " " + FORMAT + " firmware=" + firmware + " seed=" + seed + " config=" + config;
    }

    /**
     * How this (recorded) header differs from {@code run}'s, one {@code FIELD RECORDED, this run VALUE} per field;
     * empty when they agree.
     */
    public List<String> differencesFrom(TraceHeader run) {
        List<String> differences = new ArrayList<>();
        compare(differences, "firmware", firmware, run.firmware);
        compare(differences, "seed", Long.toString(seed), Long.toString(run.seed));
        compare(differences, "config", config, run.config);
        return differences;
    }

    private static void compare(List<String> differences, String field, String recorded, String run) {
        if (!recorded.equals(run)) {
            differences.add(field + " " + recorded + ", this run " + run);
        }
    }

    /** Whether a trace line's words start like a header (its magic word). */
    static boolean isHeader(List<String> words) {
        return words.get(0).equals(MAGIC);
    }

    /**
     * Parses a header line's words.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static TraceHeader parse(List<String> words) {
        if (!isHeader(words)) {
            throw new IllegalArgumentException("no trace header: a trace starts with '" + SHAPE + "', not '"
                    + String.join(" ", words) + "' (a trace recorded before headers must be recorded again)");
        }
        if (words.size() < 2 || !words.get(1).equals(Integer.toString(FORMAT))) {
            throw new IllegalArgumentException("trace format " + (words.size() < 2 ? "missing" : words.get(1))
                    + ": this build reads format " + FORMAT + " ('" + SHAPE + "')");
        }
        Map<String, String> fields = fields(words.subList(2, words.size()));
        return new TraceHeader(fields.get("firmware"), seed(fields.get("seed")), fields.get("config"));
    }

    private static Map<String, String> fields(List<String> words) {
        Map<String, String> fields = new HashMap<>();
        for (String word : words) {
            String[] pair = word.split("=", 2);
            require(pair.length == 2 && List.of("firmware", "seed", "config").contains(pair[0]),
                    "'" + word + "' is not a header field: expected '" + SHAPE + "'");
            require(fields.put(pair[0], pair[1]) == null, "header field '" + pair[0] + "' given twice");
        }
        require(fields.size() == 3, "the header needs firmware, seed and config: expected '" + SHAPE + "'");
        return fields;
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed '" + text + "' is not an integer", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
