package dev.aplysia.hal.trace;

/**
 * The first place a replay departed from its trace.
 *
 * @param tick     the tick at which it was noticed
 * @param channel  the channel, or {@code clock}
 * @param recorded the trace line the channel expected next, or {@code nothing}
 * @param replayed what the firmware did instead, as {@code TICK CHANNEL OP [VALUE]}, or {@code nothing}
 */
public record ReplayMismatch(long tick, String channel, String recorded, String replayed) {

    @Override
    public String toString() {
        return "tick " + tick + ", channel '" + channel + "': recorded '" + recorded + "', replayed '" + replayed
                + "'";
    }
}
