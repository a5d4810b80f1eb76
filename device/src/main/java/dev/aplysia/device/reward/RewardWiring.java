package dev.aplysia.device.reward;

import static dev.aplysia.device.model.Factor.CONSOLIDATION;
import static dev.aplysia.device.model.Factor.ELIGIBILITY;
import static dev.aplysia.device.model.Factor.MODULATOR_DEVIATION;
import static dev.aplysia.device.model.Factor.POST_SPIKE;
import static dev.aplysia.device.model.Factor.PRE_TRACE;

import dev.aplysia.device.command.CommandSpec;
import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareCommands;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.Term;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reward robot's wiring contract and constants. A board config must declare:
 * <ul>
 *   <li>analog inputs {@code sonar0}, {@code sonar1}, ...: distance sensors (at least one), in config order;</li>
 *   <li>optional analog inputs {@code light0}, ...: light sensors, for a light-seeking arena;</li>
 *   <li>digital input {@code bump}: the bump switch (high while touching);</li>
 *   <li>PWM outputs {@code motor-left} and {@code motor-right}: a differential drive.</li>
 * </ul>
 * Nothing else: a channel of another name is refused on its line, so a misspelling fails at start.
 *
 * <p>Three actions, {@link #ACTIONS}: forward, and a pivot to either side. With PWM only (no direction pins) a pivot on
 * one wheel is the sharpest turn the drive has; two sides let the policy turn toward the side with room.
 */
public final class RewardWiring {

    /** Action names, by action neuron. */
    public static final List<String> ACTIONS = List.of("forward", "turn-left", "turn-right");
    /** The forward action. */
    public static final int FORWARD = 0;
    /** The pivot to the left, on the stopped left wheel. */
    public static final int TURN_LEFT = 1;
    /** The pivot to the right, on the stopped right wheel. */
    public static final int TURN_RIGHT = 2;
    /** Motor names. */
    public static final List<String> MOTORS = List.of("motor-left", "motor-right");
    /**
     * Duty (permille) of {left, right} per action: the one definition of what the three actions drive, which the
     * host's agents use too ({@code DriveCommand}), so every policy of a comparison moves the same robot.
     */
    private static final int[][] DUTIES = {{800, 800}, {0, 600}, {600, 0}};
    /** The plastic projection, sensor features to action neurons: the policy, and what {@code load-weights} sets. */
    public static final String POLICY = "sensors-actions";
    /**
     * The critic's projection, sensor features to one value cell that never fires: its weights are the critic's
     * values, so snapshots keep them (decision 162).
     */
    public static final String VALUE = "sensors-value";
    /** Name of the bump switch. */
    public static final String BUMP = "bump";
    /** Prefix of the distance sensors' names. */
    public static final String SONAR = "sonar";
    /** Prefix of the light sensors' names. */
    public static final String LIGHT = "light";
    /** Tick period: 1 ms. */
    public static final long TICK_NANOS = 1_000_000;
    /** Ticks per decision: 10 decisions a second, so an action drives about 80 ms before its outcome is sensed. */
    public static final int TICKS_PER_DECISION = 100;
    /** Ticks between snapshots: every 30 s of driving. */
    public static final long CHECKPOINT_TICKS = 30_000;
    /**
     * Eligibility decay per tick: a time constant of 200 ticks, so an action's trace keeps 70 % over the 70-tick wait
     * and 61 % a decision period: a collision reaches the last two or three decisions (decision 164).
     */
    public static final double ELIGIBILITY_DECAY = Math.exp(-1.0 / 200);
    /** Coincidences per post spike: eligibility {@code += A_PLUS * preTrace}. */
    static final double A_PLUS = 0.1;
    /** Weight step per unit of eligibility and TD error, per reward tick. */
    static final double ETA = 0.02;
    /** Consolidation per unit of eligibility and squared TD error, per reward tick. */
    static final double KAPPA = 0.06;
    /** Most a synapse consolidates: it keeps a tenth of its plasticity. */
    static final double MAX_CONSOLIDATION = 0.9;

    /**
     * The value cell: no leak and a threshold above anything its synapses can drive in a tick, so it never fires;
     * it only holds the critic's weights.
     */
    private static final NeuronSpec VALUE_CELL = NeuronSpec.lif(0, 255, 0, 0);

    private RewardWiring() {
    }

    /** The duty of {@code motor} (0 left, 1 right) for {@code action}, permille of full scale. */
    public static int dutyPermille(int action, int motor) {
        return DUTIES[action][motor];
    }

    /**
     * The rule on the sensor-to-action synapses: eligibility from pre-before-post coincidences, decaying; weights move
     * by {@code eta * e * m}; consolidation grows by {@code kappa * e * m^2 * (1 - c)}, so a surprise of either sign
     * protects the synapses that caused it, and a collision (the largest surprise) the most. The modulator {@code m}
     * is already a prediction error, the critic's TD error ({@link Critic}), so the rule keeps no baseline of its own.
     */
    public static PlasticityRule rule(double eligibilityDecay) {
        return new PlasticityRule("reward-three-factor", List.of(Term.of(ETA, ELIGIBILITY, MODULATOR_DEVIATION)),
                List.of(Term.of(A_PLUS, POST_SPIKE, PRE_TRACE)),
                List.of(Term.of(KAPPA, ELIGIBILITY, MODULATOR_DEVIATION, MODULATOR_DEVIATION),
                        Term.of(-KAPPA, ELIGIBILITY, MODULATOR_DEVIATION, MODULATOR_DEVIATION, CONSOLIDATION)),
                eligibilityDecay, MAX_CONSOLIDATION, 0, 0, true);
    }

    /** The network of {@code config}. */
    public static NetworkSpec spec(RewardConfig config) {
        return spec(config, config.seed());
    }

    /**
     * Sensor features (rate-coded input, a 5 ms trace) project straight onto one LIF neuron per action
     * (1-winner-take-all, 20 ms membrane, no refractory period, so the neuron driven hardest keeps winning the race
     * and the spike counts rank the drives instead of tying at a refractory ceiling: decision 165) through signed
     * weights in [-1, 1], so a feature can learn to veto an action: a linear policy over range features
     * ({@link RangeCode}), which can hold a Braitenberg vehicle's, and one plastic layer is all a broadcast reward can
     * assign credit to without a teacher for a hidden one. They also project onto the value cell, whose weights the
     * critic learns.
     */
    static NetworkSpec spec(RewardConfig config, long seed) {
        NeuronSpec action = NeuronSpec.lif(NeuronSpec.decayFor(20, 1), 1.0, 0, 0);
        return NetworkSpec.builder("reward-robot-" + config.inputs() + "x" + ACTIONS.size())
                .population(PopulationSpec.input("sensors", config.inputs(), TraceSpec.exponential(5, 1)))
                .population(PopulationSpec.neurons("actions", ACTIONS.size(), action, 1, TraceSpec.latch()))
                .population(PopulationSpec.neurons("value", 1, VALUE_CELL, 0, TraceSpec.latch()))
                .projection(new ProjectionSpec(POLICY, "sensors", "actions", -1, 1, 0.25, 0.45,
                        rule(config.eligibilityDecay()), ProjectionSpec.WEIGHT.fraction(),
                        null))
                .projection(ProjectionSpec.constant(VALUE, "sensors", "value", -2,
                        ProjectionSpec.WEIGHT.toReal(ProjectionSpec.WEIGHT.maxRaw()), 0, PlasticityRule.NONE))
                .seed(seed)
                .build();
    }

    /**
     * The reward robot's configuration for a board wired as above.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing, one per line, every way the board config breaks
     *                      the contract: a channel of another name ({@code file:line:}), a missing bump switch, motor
     *                      or distance sensor ({@code file:})
     */
    public static RewardConfig config(BoardConfig board, McuProfile profile, String deviceId, long seed)
            throws HalException {
        List<String> problems = new ArrayList<>();
        List<String> sonars = new ArrayList<>();
        List<String> lights = new ArrayList<>();
        for (BoardConfig.AnalogInputSpec input : board.analogInputs()) {
            if (input.name().matches(SONAR + "\\d+")) {
                sonars.add(input.name());
            } else if (input.name().matches(LIGHT + "\\d+")) {
                lights.add(input.name());
            } else {
                problems.add(board.where(input.line()) + " analog '" + input.name() + "' is not a channel the"
                        + " reward robot uses; its analog inputs are " + SONAR + "N and " + LIGHT + "N");
            }
        }
        checkDigital(board, problems);
        checkMotors(board, problems);
        if (sonars.isEmpty()) {
            problems.add(board.source() + ": the reward robot needs at least one analog input " + SONAR
                    + "N (a distance sensor)");
        }
        if (!problems.isEmpty()) {
            throw new HalException(ErrorKind.INVALID_CONFIG, String.join(System.lineSeparator(), problems));
        }
        return new RewardConfig(deviceId, profile, seed, sonars, lights, BUMP, safeDuties(board), ELIGIBILITY_DECAY,
                TICK_NANOS, CHECKPOINT_TICKS);
    }

    /**
     * The firmware loop running the reward robot of {@code config} on {@code board}.
     *
     * @throws HalException naming a channel the board does not have
     */
    public static Firmware firmware(RewardConfig config, Board board, FirmwareEvents events) throws HalException {
        return new Firmware(config, new RewardRobot(config, board), board, events);
    }

    /**
     * The commands the reward robot takes, each guarded by {@code access}: the loop's (learning, modulator, snapshot,
     * halt, resume), with {@code load-weights} setting the {@link #POLICY} weights, each in [-1, 1].
     */
    public static List<CommandSpec> commands(RewardConfig config, CommandAccess access) {
        return FirmwareCommands.specs(FirmwareCommands.catalog(POLICY, config.inputs() * ACTIONS.size(), -1, 1),
                access);
    }

    private static void checkDigital(BoardConfig board, List<String> problems) {
        for (BoardConfig.DigitalInputSpec input : board.digitalInputs()) {
            if (!input.name().equals(BUMP)) {
                problems.add(board.where(input.line()) + " digital-in '" + input.name() + "' is not a channel the"
                        + " reward robot uses; its digital input is " + BUMP);
            }
        }
        for (BoardConfig.DigitalOutputSpec output : board.digitalOutputs()) {
            problems.add(board.where(output.line()) + " digital-out '" + output.name() + "' is not a channel the"
                    + " reward robot uses; it has no digital outputs");
        }
        if (board.digitalInputs().stream().noneMatch(input -> input.name().equals(BUMP))) {
            problems.add(board.source() + ": the reward robot needs digital-in '" + BUMP + "' (its bump switch)");
        }
    }

    private static void checkMotors(BoardConfig board, List<String> problems) {
        for (BoardConfig.PwmSpec pwm : board.pwmOutputs()) {
            if (!MOTORS.contains(pwm.name())) {
                problems.add(board.where(pwm.line()) + " pwm '" + pwm.name() + "' is not a channel the reward robot"
                        + " uses; its pwms are " + String.join(", ", MOTORS));
            }
        }
        for (String motor : MOTORS) {
            if (board.pwmOutputs().stream().noneMatch(pwm -> pwm.name().equals(motor))) {
                problems.add(board.source() + ": the reward robot needs pwm '" + motor + "' (it drives "
                        + String.join(" and ", MOTORS) + ")");
            }
        }
    }

    private static int[] safeDuties(BoardConfig board) {
        return MOTORS.stream().mapToInt(motor -> board.pwmOutputs().stream()
                .filter(spec -> spec.name().equals(motor)).findFirst().orElseThrow().safeDuty()).toArray();
    }
}
