package dev.aplysia.device.reward;

import dev.aplysia.device.firmware.LoopConfig;
import dev.aplysia.device.model.McuProfile;
import java.util.List;
import java.util.Objects;

/**
 * What the reward robot runs and how it is wired to its board: validated once, before anything runs.
 *
 * @param deviceId         MQTT-safe identifier
 * @param profile          MCU whose memory and cycle budget the firmware must fit
 * @param seed             the network's seed (initial weights, encoder phases, exploration)
 * @param sensors          distance sensors (analog input names, each coded by {@link RangeCode}), in encoder order
 * @param lights           light sensors (analog input names, LINEAR), after the distance sensors; may be empty
 * @param bump             digital input name of the bump switch (high: touching)
 * @param safeDuties       per motor ({@link RewardWiring#MOTORS}), the duty in its counts when halted
 * @param eligibilityDecay eligibility multiplier per tick, in (0, 1]: how long an action stays creditable
 * @param tickNanos        tick period
 * @param checkpointTicks  ticks between snapshots (0: only at shutdown)
 */
public record RewardConfig(String deviceId, McuProfile profile, long seed, List<String> sensors, List<String> lights,
                           String bump, int[] safeDuties, double eligibilityDecay, long tickNanos, long checkpointTicks) implements LoopConfig {

    public RewardConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bump, "bump");
        sensors = List.copyOf(sensors);
        lights = List.copyOf(lights);
        safeDuties = safeDuties.clone();
        require(deviceId != null && deviceId.matches("[A-Za-z0-9_-]{1,64}"),
                "device id must be 1-64 characters of A-Z a-z 0-9 _ -, got '" + deviceId + "'");
        require(!sensors.isEmpty(), "the reward robot needs at least one distance sensor");
        require(safeDuties.length == RewardWiring.MOTORS.size(), "safeDuties needs one duty per motor");
        for (int duty : safeDuties) {
            require(duty >= 0, "safe duties are counts, at least 0, got " + duty);
        }
        require(eligibilityDecay > 0 && eligibilityDecay <= 1, "eligibilityDecay must be in (0, 1]");
        require(tickNanos > 0, "tickNanos must be positive");
        require(checkpointTicks >= 0, "checkpointTicks must be >= 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** This configuration with another eligibility decay per tick. */
    public RewardConfig withEligibilityDecay(double decay) {
        return new RewardConfig(deviceId, profile, seed, sensors, lights, bump, safeDuties, decay, tickNanos,
                checkpointTicks);
    }

    /**
     * Encoder channels: each distance sensor's {@link RangeCode#FEATURES} range features, then the light sensors,
     * then the bump switch, then one channel per action marking the last action taken.
     */
    public int inputs() {
        return sensors.size() * RangeCode.FEATURES + lights.size() + 1 + RewardWiring.ACTIONS.size();
    }

    @Override
    public int ticksPerSample() {
        return RewardWiring.TICKS_PER_DECISION;
    }

    @Override
    public List<String> motors() {
        return RewardWiring.MOTORS;
    }

    @Override
    public int duty(int decided, int motor) {
        return RewardWiring.dutyPermille(decided, motor);
    }

    @Override
    public int safeDuty(int motor) {
        return safeDuties[motor];
    }

    @Override
    public List<String> classLeds() {
        return List.of();
    }

    @Override
    public boolean safeLevel(int led) {
        throw new IndexOutOfBoundsException("the reward robot has no LEDs");
    }

    @Override
    public String runSettings() {
        return String.join("\n", "profile " + profile, "reward robot " + RewardWiring.spec(this, 0),
                "sensors " + sensors + " lights " + lights + " bump " + bump,
                "tick " + tickNanos + " ns, " + ticksPerSample() + " ticks per decision, checkpoint every "
                        + checkpointTicks + " ticks");
    }
}
