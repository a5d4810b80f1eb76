package dev.aplysia.device.wire;

import java.util.regex.Pattern;

/**
 * The one rule for every name that becomes an MQTT topic level or a JSON field: device ids, stream names, event
 * types, command names and parameter names are 1 to {@value #MAX_LENGTH} of {@code A-Z a-z 0-9 _ -}.
 */
public final class Names {

    /** The longest name. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private Names() {
    }

    /** True if {@code name} follows the rule. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Checks a name.
     *
     * @param what what the name is, for the message ("device id")
     * @return {@code name}
     * @throws IllegalArgumentException naming the rule
     */
    public static String require(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid " + what + " '" + name + "': use 1 to " + MAX_LENGTH
                    + " characters from A-Z a-z 0-9 _ - (MQTT topic-safe)");
        }
        return name;
    }
}
