package dev.aplysia.hal.storage;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.regex.Pattern;

/**
 * The rule for {@link Storage} blob names: 1 to {@value #MAX_LENGTH} characters from {@code A-Z a-z 0-9 . _ -}, not
 * starting with a dot. Dot names are left to implementations for their own bookkeeping (temporary files), and the
 * character set keeps names safe as file names and as words in line-based formats.
 */
public final class BlobName {

    /** The longest valid name. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private BlobName() {
    }

    /** Whether {@code name} is a valid blob name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Checks a name.
     *
     * @return {@code name}
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} saying what a valid name looks like
     */
    public static String require(String name) throws HalException {
        if (!isValid(name)) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "invalid blob name '" + name + "': use 1 to "
                    + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ -, not starting with a dot");
        }
        return name;
    }
}
