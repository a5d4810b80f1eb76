package dev.aplysia.device.firmware;

/**
 * What the firmware loop has counted since boot. Errors are counted here, not thrown up the tick loop: a failed
 * sensor read skips that sample; a failed output write or checkpoint leaves the learned state running.
 */
public final class FirmwareCounters {

    long ticks;
    long samples;
    long decisions;
    long learned;
    long significant;
    long deadlineMisses;
    long mcuOverruns;
    long halErrors;
    long checkpoints;
    long checkpointFailures;
    long halts;
    final McuLoad load;

    FirmwareCounters(McuLoad load) {
        this.load = load;
    }

    /** Each tick's estimated MCU time as a share of its period on the firmware's profile ({@link FirmwareRunner}). */
    public TickUtilisation utilisation() {
        return load.utilisation();
    }

    /** The same ticks costed on every known MCU profile. */
    public McuLoad mcuLoad() {
        return load;
    }

    /** Ticks run. */
    public long ticks() {
        return ticks;
    }

    /** Sample periods started. */
    public long samples() {
        return samples;
    }

    /** Classifications finished (actuators driven). */
    public long decisions() {
        return decisions;
    }

    /** Samples learned (a teaching input was present and learning was on). */
    public long learned() {
        return learned;
    }

    /** Samples learned as significant. */
    public long significant() {
        return significant;
    }

    /** Ticks whose work ended after their deadline on the board's clock. */
    public long deadlineMisses() {
        return deadlineMisses;
    }

    /** Ticks whose estimated cycles on the MCU profile exceed the tick period. */
    public long mcuOverruns() {
        return mcuOverruns;
    }

    /** HAL operations that failed. */
    public long halErrors() {
        return halErrors;
    }

    /** Snapshots saved. */
    public long checkpoints() {
        return checkpoints;
    }

    /** Snapshot saves that failed, each attempt counted once (attempts back off: see {@link Firmware#checkpoint}). */
    public long checkpointFailures() {
        return checkpointFailures;
    }

    /** Times the outputs were halted (by command, watchdog or shutdown), as reported on the tick thread. */
    public long halts() {
        return halts;
    }
}
