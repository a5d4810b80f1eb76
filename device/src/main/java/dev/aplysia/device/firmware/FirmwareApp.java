package dev.aplysia.device.firmware;

import dev.aplysia.device.core.Network;
import dev.aplysia.hal.HalException;

/**
 * An application the one firmware loop ({@link Firmware}) runs on a board, in its phases: <b>sense</b> on the first
 * tick of each sample period (not while halted), <b>decide</b> by advancing the core one tick per {@link #step()},
 * <b>actuate</b> (the loop drives the decided command through {@link SafeOutputs}), then <b>learn</b> from it. The
 * loop owns time, halting, checkpoints, counters, events and commands; the application owns its inputs and its
 * network, and reads the board only in {@link #sense()}. Every method runs on the tick thread and allocates nothing.
 */
public interface FirmwareApp {

    /** What a tick of the application did. */
    enum Step {
        /** Nothing: the core idled until the next sample period. */
        IDLE,
        /** The core ticked; nothing for the loop to do. */
        BUSY,
        /** The core ticked and a decision is ready: the loop drives {@link #decision()}, then calls {@link #learn}. */
        DECIDED,
        /** The core ticked and a learning event ended: the loop counts and reports it. */
        LEARNED
    }

    /** The core network: snapshots, operation counts, weights. */
    Network network();

    /**
     * Sense: reads the application's inputs and starts the period's decision.
     *
     * @throws HalException a read that failed; the period is skipped
     */
    void sense() throws HalException;

    /** Advances the application by one tick. */
    Step step();

    /** The command to drive, once {@link #step()} returned {@link Step#DECIDED}. */
    int decision();

    /**
     * Learn: called after each decision, {@code driven} false when the outputs were halted (nothing happened in the
     * world to learn from); {@code learning} is the firmware's learning switch.
     */
    void learn(boolean driven, boolean learning);

    /** The label reported with a decision or a learning event: the taught class, the action, or -1. */
    int label();

    /** The neuromodulator level of the last learning event, real units. */
    double modulator();

    /** True if the last learning event was significant (consolidated harder). */
    boolean significant();

    /**
     * A neuromodulator level given from outside (a command, a scenario) for the next learning event, in [0, 4).
     */
    void signalModulator(double level);
}
