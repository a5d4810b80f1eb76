package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;

/** The failures still to inject into one channel's operations. */
final class FaultPlan {

    private final String channel;
    private int remaining;
    private ErrorKind kind = ErrorKind.OTHER;

    FaultPlan(String channel) {
        this.channel = channel;
    }

    void failNext(int count, ErrorKind kind) {
        this.remaining = count;
        this.kind = kind;
    }

    void clear() {
        remaining = 0;
    }

    /** Fails the current operation if failures are pending; allocates only when it fails. */
    void check() throws HalException {
        if (remaining > 0) {
            remaining--;
            throw new HalException(kind, "injected " + kind + " fault on '" + channel + "'");
        }
    }
}
