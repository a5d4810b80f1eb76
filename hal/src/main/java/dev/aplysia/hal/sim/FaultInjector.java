package dev.aplysia.hal.sim;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the simulated board fail on purpose. Every fallible operation on a channel (read, poll, set, query) counts as
 * one operation; {@link #STORAGE} addresses the board's storage, where every call counts. A planned failure throws
 * before the operation has any effect. Infallible queries ({@code maxDuty()}, {@code maxValue()}) never fail.
 */
public final class FaultInjector {

    /** The channel name that addresses the board's storage. */
    public static final String STORAGE = "storage";

    private final Map<String, FaultPlan> plans = new LinkedHashMap<>();
    private final SimStorage storage;

    FaultInjector(SimStorage storage) {
        this.storage = storage;
        plans.put(STORAGE, storage.faults());
    }

    FaultPlan planFor(String channel) {
        return plans.computeIfAbsent(channel, FaultPlan::new);
    }

    /**
     * Makes the next {@code count} operations on {@code channel} fail with {@code kind}; later ones succeed again.
     * Replaces any plan still pending for that channel.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} when the board has no such channel
     * @throws IllegalArgumentException when {@code count < 1}
     */
    public void failNext(String channel, int count, ErrorKind kind) throws HalException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        FaultPlan plan = plans.get(channel);
        if (plan == null) {
            throw new HalException(ErrorKind.INVALID_CHANNEL, "no channel named '" + channel
                    + "' to inject faults into; known: " + plans.keySet());
        }
        plan.failNext(count, kind);
    }

    /**
     * Cuts the power during the next storage write: the blob is left holding the first {@code bytesWritten} bytes of
     * the new data (all of it, when the data is shorter) and the write throws {@link ErrorKind#IO}, as the firmware
     * would never see it return. A pending {@link #failNext} on {@link #STORAGE} takes effect first.
     *
     * @throws IllegalArgumentException when {@code bytesWritten < 0}
     */
    public void cutNextWrite(int bytesWritten) {
        if (bytesWritten < 0) {
            throw new IllegalArgumentException("bytesWritten must be at least 0, was " + bytesWritten);
        }
        storage.cutNextWriteAfter(bytesWritten);
    }

    /** Cancels every pending failure and cut. */
    public void clear() {
        plans.values().forEach(FaultPlan::clear);
        storage.cutNextWriteAfter(SimStorage.NO_CUT);
    }
}
