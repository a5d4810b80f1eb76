package dev.aplysia.device.firmware;

/** Why a firmware's outputs were driven to their safe values and held there. */
public enum HaltCause {
    /** A {@code halt} command. */
    COMMAND("command"),
    /** The tick loop stopped ticking for longer than the watchdog allows. */
    STALL("stall"),
    /** The process is shutting down: a signal, the end of a run, the JVM exiting. */
    SHUTDOWN("shutdown"),
    /** The run began halted, as asked: a robot restarted unattended waits for a {@code resume} command. */
    START("start");

    private final String label;

    HaltCause(String label) {
        this.label = label;
    }

    /** The word telemetry and logs use: {@code command}, {@code stall} or {@code shutdown}. */
    public String label() {
        return label;
    }
}
