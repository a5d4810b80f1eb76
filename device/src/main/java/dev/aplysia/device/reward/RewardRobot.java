package dev.aplysia.device.reward;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.encode.RateEncoder;
import dev.aplysia.device.firmware.FirmwareApp;
import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.plasticity.RuleEngine;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import java.util.Arrays;

/**
 * The reward robot as a {@link FirmwareApp}: it learns to drive from rewards its own sensors give, with no teacher.
 * Each decision period of {@link RewardWiring#TICKS_PER_DECISION} ticks runs, in network ticks:
 * <ol>
 *   <li><b>sense</b> (tick 0): read the distance sensors (each as its range features, {@link RangeCode}), the light
 *       sensors (in proportion) and the bump switch (a feature of its own while it is closed or closed during the
 *       period, so the robot can tell it is touching something its rangers miss); the previous action's reward is
 *       the {@link DriveReward} of the period, and the {@link Critic} turns it into a TD error;</li>
 *   <li><b>reward</b> ({@value #REWARD_TICKS} ticks, inputs silent, learning on): the neuromodulator is the TD error,
 *       so the previous action's eligibility, decayed over the wait, meets how much better or worse it went than
 *       the place promised;</li>
 *   <li><b>decide</b> ({@value #DECIDE_TICKS} ticks, rate-coded sensors, learning frozen): the action neurons' spikes
 *       are counted; the action is the most spiking one, and of those tied the one that fired first (the race the
 *       1-winner-take-all runs: the neuron driven hardest reaches threshold first); if none fired, the previous
 *       action (with none yet, a drawn one); or with probability epsilon a uniform one, epsilon decaying from 1/2 to
 *       1/64 over the network's experience (decision 165);</li>
 *   <li><b>commit</b> ({@value #COMMIT_TICKS} ticks, learning on, after the loop drove the action): a current into
 *       the chosen neuron (an efference copy) makes it fire with the sensors, and an inhibiting current into the
 *       others keeps them silent, so eligibility marks the synapses of the action taken, not of one merely
 *       considered. The current is one threshold a tick more than one active feature per input channel (each
 *       sensor, the bump switch, the previous action) drives through the largest weights; a sensor's near features
 *       fire more, but the encoder's normalisation keeps the input spikes of a tick near {@code sqrt(n)} for
 *       {@code n} active features, below it unless most sensors read near. What is left of it at the next decision
 *       gives the action taken a head start there;</li>
 *   <li><b>wait</b> (the rest of the period, inputs silent, learning on): eligibility decays while the action drives.
 *   </li>
 * </ol>
 * Outside the reward window the neuromodulator is 0, so it carries no news: weights and consolidation stay put.
 * Integer-only on the tick path; nothing allocated.
 */
public final class RewardRobot implements FirmwareApp {

    /** Network ticks of the reward window. */
    public static final int REWARD_TICKS = 8;
    /** Network ticks of the decision window. */
    public static final int DECIDE_TICKS = 16;
    /** Network ticks from sensing to actuating: the reward and decision windows, the robot's reaction time. */
    public static final int REACTION_TICKS = REWARD_TICKS + DECIDE_TICKS;
    /** Network ticks of the efference copy. */
    public static final int COMMIT_TICKS = 8;
    /** Exploration at the start, Q16: one decision in two. */
    static final int EPSILON_START = 32768;
    /** Least exploration, Q16: one decision in 64. */
    static final int EPSILON_FLOOR = 1024;
    /** Decisions over which exploration halves: ten seconds. */
    static final long EXPLORATION_HORIZON = 100;
    /** Current into the chosen action neuron while committing, real membrane units (its threshold). */
    static final double EFFERENCE_CURRENT = 1.0;

    private enum Phase { REWARD, DECIDE, COMMIT, WAIT, IDLE }

    private final Network network;
    private final Population inputs;
    private final Population actions;
    private final RateEncoder encoder;
    private final ActionRace race;
    private final AnalogInput[] sonars;
    private final AnalogInput[] lights;
    private final DigitalInput bump;
    private final int[] intensities;
    private final int efference;
    private final int inhibition;
    private final Critic critic;
    private final int actionFeatures;
    private final int bumpFeature;
    private Phase phase = Phase.IDLE;
    private int ticksLeft;
    private int previousAction = -1;
    private int previousClearance;
    private int previousLight;
    private int reward;
    private int delta;
    private boolean rewarding;
    private boolean collided;
    private boolean touching;
    private boolean learning = true;
    private int chosen;
    private int pendingReward;
    private boolean rewardPending;

    /**
     * Builds the network and binds it to {@code board}'s channels, looked up now.
     *
     * @throws HalException naming a channel the board does not have
     */
    public RewardRobot(RewardConfig config, Board board) throws HalException {
        this.network = Network.build(RewardWiring.spec(config), config.profile());
        this.inputs = network.population("sensors");
        this.actions = network.population("actions");
        this.encoder = new RateEncoder(config.inputs(), 1.0, 0.5);
        this.race = new ActionRace(actions.size());
        this.sonars = analogInputs(board, config.sensors().toArray(String[]::new));
        this.lights = analogInputs(board, config.lights().toArray(String[]::new));
        this.bump = board.digitalInput(config.bump());
        this.intensities = new int[config.inputs()];
        this.actionFeatures = config.inputs() - RewardWiring.ACTIONS.size();
        this.bumpFeature = actionFeatures - 1;
        this.critic = new Critic(network.projection(RewardWiring.VALUE).engine().weights(), actionFeatures);
        this.efference = (int) actions.membraneFormat().toRaw(EFFERENCE_CURRENT);
        int channels = sonars.length + lights.length + 2;
        this.inhibition = (int) actions.membraneFormat().toRaw(-EFFERENCE_CURRENT * (channels + 1));
    }

    private static AnalogInput[] analogInputs(Board board, String[] names) throws HalException {
        AnalogInput[] channels = new AnalogInput[names.length];
        for (int i = 0; i < names.length; i++) {
            channels[i] = board.analogInput(names[i]);
        }
        return channels;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public void sense() throws HalException {
        Arrays.fill(intensities, 0);
        int clearance = senseRanges();
        int light = senseLights();
        if (previousAction >= 0) {
            intensities[actionFeatures + previousAction] = RangeCode.ACTIVE;
        }
        collided = bump.pollRisingEdges() > 0;
        touching = bump.isHigh();
        if (collided || touching) {
            intensities[bumpFeature] = RangeCode.ACTIVE;
        }
        beginPeriod(clearance, light);
    }

    /** Codes each distance reading ({@link RangeCode}); returns the clearance, the nearest reading (Q15 of scale). */
    private int senseRanges() throws HalException {
        int clearance = DriveReward.ONE;
        for (int i = 0; i < sonars.length; i++) {
            int fraction = DriveReward.fraction(sonars[i].read(), sonars[i].maxValue());
            RangeCode.code(fraction, intensities, i * RangeCode.FEATURES);
            clearance = Math.min(clearance, fraction);
        }
        return clearance;
    }

    /** Codes each light reading in proportion to its level; returns the mean light (Q15 of full scale). */
    private int senseLights() throws HalException {
        long light = 0;
        int first = sonars.length * RangeCode.FEATURES;
        for (int k = 0; k < lights.length; k++) {
            int fraction = DriveReward.fraction(lights[k].read(), lights[k].maxValue());
            intensities[first + k] = (int) ((long) fraction * RangeCode.ACTIVE / DriveReward.ONE);
            light += fraction;
        }
        return lights.length == 0 ? 0 : (int) (light / lights.length);
    }

    private void beginPeriod(int clearance, int light) {
        rewarding = previousAction >= 0 || rewardPending;
        reward = rewardPending ? pendingReward : reward(clearance, light);
        rewardPending = false;
        delta = rewarding ? critic.delta(reward, intensities) : 0;
        previousClearance = clearance;
        previousLight = light;
        encoder.load(intensities, network.key(CounterRandom.Stream.ENCODING));
        network.setModulatorRaw(delta);
        network.setLearning(learning);
        phase = Phase.REWARD;
        ticksLeft = REWARD_TICKS;
    }

    /** The previous action's reward, Q15. */
    private int reward(int clearance, int light) {
        return DriveReward.of(collided, touching, previousAction == RewardWiring.FORWARD, clearance - previousClearance,
                light - previousLight);
    }

    @Override
    public Step step() {
        return switch (phase) {
            case REWARD -> rewardTick();
            case DECIDE -> decideTick();
            case COMMIT -> commitTick();
            case WAIT -> waitTick();
            case IDLE -> Step.IDLE;
        };
    }

    private Step rewardTick() {
        inputs.spikes().clear();
        network.step();
        if (--ticksLeft > 0) {
            return Step.BUSY;
        }
        network.setModulatorRaw(0);
        network.setLearning(false);
        race.start();
        phase = Phase.DECIDE;
        ticksLeft = DECIDE_TICKS;
        return rewarding ? Step.LEARNED : Step.BUSY;
    }

    private Step decideTick() {
        encoder.encode(inputs.spikes());
        network.step();
        race.observe(actions.spikes());
        if (--ticksLeft > 0) {
            return Step.BUSY;
        }
        chosen = choose();
        return Step.DECIDED;
    }

    /** Epsilon-greedy over the decision window's {@link ActionRace}, from the exploration stream at this tick. */
    private int choose() {
        int key = network.key(CounterRandom.Stream.EXPLORATION);
        int count = RewardWiring.ACTIONS.size();
        if (CounterRandom.draw16(key, 0) < epsilon()) {
            return CounterRandom.below(key, 1, count);
        }
        return race.winner(previousAction >= 0 ? previousAction : CounterRandom.below(key, 2, count));
    }

    /** Exploration probability now, Q16, from the network's experience. */
    private int epsilon() {
        return exploration(network.tick() / RewardWiring.TICKS_PER_DECISION);
    }

    /**
     * The reward robot's exploration probability after {@code decisions} decisions, Q16: {@code start * H / (H +
     * decisions)}, at least the floor; public so a host baseline can explore on the same schedule.
     */
    public static int exploration(long decisions) {
        return (int) Math.max(EPSILON_FLOOR, EPSILON_START * EXPLORATION_HORIZON / (EXPLORATION_HORIZON + decisions));
    }

    @Override
    public int decision() {
        return chosen;
    }

    @Override
    public void learn(boolean driven, boolean learningOn) {
        learning = learningOn;
        network.setLearning(learningOn);
        previousAction = driven ? chosen : -1;
        if (driven) {
            critic.observe(intensities);
            for (int a = 0; a < RewardWiring.ACTIONS.size(); a++) {
                actions.injectRaw(a, a == chosen ? efference : inhibition);
            }
            phase = Phase.COMMIT;
            ticksLeft = COMMIT_TICKS;
        } else {
            critic.forget();
            phase = Phase.WAIT;
            ticksLeft = RewardWiring.TICKS_PER_DECISION - REWARD_TICKS - DECIDE_TICKS;
        }
    }

    private Step commitTick() {
        encoder.encode(inputs.spikes());
        network.step();
        if (--ticksLeft == 0) {
            actions.clearInjected();
            phase = Phase.WAIT;
            ticksLeft = RewardWiring.TICKS_PER_DECISION - REWARD_TICKS - DECIDE_TICKS - COMMIT_TICKS;
        }
        return Step.BUSY;
    }

    private Step waitTick() {
        inputs.spikes().clear();
        network.step();
        if (--ticksLeft == 0) {
            phase = Phase.IDLE;
        }
        return Step.BUSY;
    }

    /** -1: the reward robot has no teacher; a learning event rewards the action decided in the period before. */
    @Override
    public int label() {
        return -1;
    }

    @Override
    public double modulator() {
        return reward / (double) DriveReward.ONE;
    }

    @Override
    public boolean significant() {
        return collided && rewarding;
    }

    @Override
    public void signalModulator(double level) {
        pendingReward = (int) RuleEngine.MODULATOR.toRaw(level);
        rewardPending = true;
    }
}
