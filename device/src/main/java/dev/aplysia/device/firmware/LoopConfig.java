package dev.aplysia.device.firmware;

import dev.aplysia.device.model.McuProfile;
import java.util.List;

/**
 * What the firmware loop needs of an application's configuration, whatever the application: its MCU, its tick and
 * decision period, its checkpoint interval, and its actuators with their duties and safe values. An application's
 * own configuration implements it ({@link FirmwareConfig} for the classifier robot).
 */
public interface LoopConfig {

    /** MQTT-safe identifier. */
    String deviceId();

    /** The seed of the application's network: initial weights, encoder phases, exploration. */
    long seed();

    /** MCU whose memory and cycle budget the firmware must fit. */
    McuProfile profile();

    /** Tick period, ns. */
    long tickNanos();

    /** Ticks per sample (decision) period; the application senses on the first of them. */
    int ticksPerSample();

    /** Ticks between snapshots (0: only at shutdown). */
    long checkpointTicks();

    /** PWM output names, in the order of {@link #duty}'s motors. */
    List<String> motors();

    /** Duty of {@code motor} for the {@code decided} command (class or action), permille of full scale. */
    int duty(int decided, int motor);

    /** Safe duty of {@code motor}, in its counts. */
    int safeDuty(int motor);

    /** Digital output names, one per command (lit for the decided one); empty for none. */
    List<String> classLeds();

    /** Safe level of LED {@code led}: true for high. */
    boolean safeLevel(int led);

    /**
     * Every setting that decides what the firmware does on its board, as stable text, for a trace header's config
     * hash: all but the device id and the seed.
     */
    String runSettings();

    /** Sample period in nanoseconds. */
    default long sampleNanos() {
        return tickNanos() * ticksPerSample();
    }
}
