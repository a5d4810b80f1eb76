package dev.aplysia.host.fleet;

import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.wire.Names;

/**
 * What a fleet runs, validated once, before anything starts: {@code count} copies of the learning robot, each with a
 * network of {@code features} feature neurons (seed {@code seed + index}), taught on every sample, sending about
 * {@code rate} telemetry messages a second: a {@code decisions} and a {@code learning} frame per sample and the
 * {@code health} frame once a second, so a sample period of {@code 2 s / (rate - 1)}.
 *
 * @param count    devices, {@code idPrefix-1} to {@code idPrefix-count}
 * @param idPrefix device ids' stem; an id is {@code idPrefix-N}
 * @param features feature neurons of each device's network (the robot's is {@value RobotWiring#FEATURES})
 * @param tickMillis the firmware's tick period, milliseconds (the robot's is 1)
 * @param rate     telemetry messages a second per device, while every sample is taught
 * @param qos      0 (the protocol's QoS for streams) or 1 (every frame at least once)
 * @param seed     seed of the first device's network
 */
public record FleetSpec(int count, String idPrefix, int features, int tickMillis, int rate, int qos, long seed) {

    /** Ticks of a presentation: 4, so that the busiest sample fits 21 ticks and fast rates stay possible. */
    public static final int PRESENTATION_TICKS = 4;
    /** Sensors of the fleet's board. */
    public static final int SENSORS = 8;
    /** The most devices one fleet runs. */
    public static final int MAX_COUNT = 10_000;

    public FleetSpec {
        Names.require("device id prefix", idPrefix + "-" + count);
        require(count >= 1 && count <= MAX_COUNT, "--count must be 1.." + MAX_COUNT + ", got " + count);
        require(features >= 1 && features <= RobotWiring.FEATURES, "--features must be 1.." + RobotWiring.FEATURES
                + ", got " + features);
        require(qos == 0 || qos == 1, "--qos must be 0 or 1, got " + qos);
        require(tickMillis >= 1 && tickMillis <= 10, "--tick-ms must be 1..10, got " + tickMillis);
        require(rate >= 2 && rate <= maxRate(tickMillis), "--rate must be 2.." + maxRate(tickMillis)
                + " messages a second per device with --tick-ms " + tickMillis + " (a sample period must hold "
                + busyTicks() + " ticks), got " + rate);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The fastest rate with ticks of {@code tickMillis}: two frames per sample of the shortest period, plus health. */
    public static int maxRate(int tickMillis) {
        return 1 + 2000 / (busyTicks() * tickMillis);
    }

    private static int busyTicks() {
        return FirmwareConfig.busyTicks(RobotWiring.classifier(SENSORS, 1, PRESENTATION_TICKS, 0));
    }

    /** The id of device {@code index} (0-based). */
    public String deviceId(int index) {
        return idPrefix + "-" + (index + 1);
    }

    /** The classifier of device {@code index}. */
    public ClassifierConfig classifier(int index) {
        return RobotWiring.classifier(SENSORS, features, PRESENTATION_TICKS, seed + index);
    }

    /** Ticks per sample: two frames a sample and the health frame make {@code rate} a second. */
    public int ticksPerSample() {
        return Math.round(2000f / (rate - 1) / tickMillis);
    }

    /** The tick period in nanoseconds. */
    public long tickNanos() {
        return tickMillis * 1_000_000L;
    }
}
