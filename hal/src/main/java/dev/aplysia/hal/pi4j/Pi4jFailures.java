package dev.aplysia.hal.pi4j;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;

/**
 * Turns Pi4J's unchecked exceptions into {@link HalException}s of kind {@link ErrorKind#IO}. Pi4J signals driver
 * failures with its own unchecked {@code IOException} and, in places, plain {@code RuntimeException}s, so adapters
 * catch {@link RuntimeException} around each Pi4J call and nothing else.
 */
final class Pi4jFailures {

    private Pi4jFailures() {
    }

    static HalException io(String what, RuntimeException e) {
        return new HalException(ErrorKind.IO, what + ": " + e.getMessage(), e);
    }
}
