package dev.aplysia.host.agent;

import dev.aplysia.host.backprop.Adam;
import dev.aplysia.host.backprop.Mlp;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The backprop counterpart in the closed loop: a deep Q-network (Mnih et al. 2015) on the project's {@link Mlp}, one
 * hidden ReLU layer, one linear Q-value per {@link DriveCommand}.
 *
 * <p><b>Inputs</b>, {@code I = N + 1 + L}: each distance as a fraction of full scale, the bump switch as 0 or 1, each
 * light sensor as a fraction of full scale.
 *
 * <p><b>Acting.</b> Epsilon-greedy on the online network: with probability {@link DqnConfig#epsilon} (decaying over
 * decisions) a uniformly drawn command, otherwise the one of largest Q-value (ties to the lower ordinal).
 *
 * <p><b>Learning.</b> Each {@link #learn} stores the transition in a {@link ReplayBuffer}; once it holds
 * {@link DqnConfig#warmup()} transitions, every {@link DqnConfig#updateEvery()} decisions a minibatch of
 * {@link DqnConfig#batchSize()} transitions drawn uniformly with replacement takes one {@link Adam} step on the mean
 * Huber loss of the TD errors {@code Q(s, a) − (r + γ max_a' Q_target(s', a'))}, the gradient clipped at
 * {@link DqnConfig#tdClip()}. The target network copies the online one every {@link DqnConfig#targetEvery()}
 * decisions. The task has no terminal state, so every target bootstraps.
 *
 * <p><b>Randomness.</b> One {@link SplittableRandom} from the seed: its first draw seeds the network's initial
 * weights, then it draws the exploration and the minibatches, so the same seed and observations give the same
 * commands.
 *
 * <p><b>Costs</b>, all values as float32 ({@code P} parameters): state is the online network with its activations
 * ({@link Mlp#stateBytes()}), the target network's parameters ({@code 4P}; its forward pass reuses the online
 * network's activation buffers on a board), Adam's two moments ({@code 8P}), the gradient buffer ({@code 4P}) and the
 * replay buffer at capacity ({@link ReplayBuffer#stateBytes()}). Operations per step are those of a decision that
 * trains: the acting forward pass, then per minibatch transition a target forward pass and an online gradient
 * ({@link Mlp#opsPerGradient()}), then Adam's update ({@link Adam#opsPerUpdate()}); the TD target's and error's
 * O(1) arithmetic per transition and the target copy (no arithmetic) are not counted.
 *
 * <p>Everything is allocated at construction: {@link #act} and {@link #learn} allocate nothing. Not thread-safe.
 */
public final class DqnAgent implements ClosedLoopAgent {

    private final DqnConfig config;
    private final int distanceSensors;
    private final int lightSensors;
    private final SplittableRandom random;
    private final Mlp online;
    private final Mlp target;
    private final Adam optimiser;
    private final ReplayBuffer replay;
    private final double[] gradient;
    private final double[] state;
    private final double[] nextState;
    private final double[] sampledState;
    private final double[] sampledNext;
    private final double[] qValues = new double[DriveCommand.count()];
    private final TdLoss tdLoss = new TdLoss();
    private DriveCommand lastCommand;
    private long decisions;

    /**
     * A fresh agent.
     *
     * @param distanceSensors distance sensors in every observation, ≥ 1
     * @param lightSensors    light sensors in every observation, ≥ 0
     */
    public DqnAgent(int distanceSensors, int lightSensors, DqnConfig config, long seed) {
        if (distanceSensors < 1 || lightSensors < 0) {
            throw new IllegalArgumentException("need a distance sensor and no negative count of light sensors");
        }
        this.config = config;
        this.distanceSensors = distanceSensors;
        this.lightSensors = lightSensors;
        this.random = new SplittableRandom(seed);
        int inputs = distanceSensors + 1 + lightSensors;
        this.online = new Mlp(inputs, config.hidden(), DriveCommand.count(), random.nextLong());
        this.target = online.copy();
        this.optimiser = new Adam(online, config.learningRate());
        this.replay = new ReplayBuffer(config.replayCapacity(), inputs);
        this.gradient = new double[online.parameterCount()];
        this.state = new double[inputs];
        this.nextState = new double[inputs];
        this.sampledState = new double[inputs];
        this.sampledNext = new double[inputs];
    }

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public DriveCommand act(Observation observation) {
        encode(observation, state);
        boolean explore = random.nextDouble() < config.epsilon(decisions);
        lastCommand = explore ? DriveCommand.of(random.nextInt(DriveCommand.count())) : greedy(state);
        return lastCommand;
    }

    @Override
    public void learn(double reward, Observation next) {
        if (lastCommand == null) {
            throw new IllegalStateException("learn follows act");
        }
        encode(next, nextState);
        replay.add(state, lastCommand.ordinal(), reward, nextState);
        lastCommand = null;
        decisions++;
        if (replay.size() >= config.warmup() && decisions % config.updateEvery() == 0) {
            trainOnMinibatch();
        }
        if (decisions % config.targetEvery() == 0) {
            target.copyParametersFrom(online);
        }
    }

    /** The command of largest Q-value for {@code observation}, without exploring, drawing or learning. */
    public DriveCommand greedy(Observation observation) {
        double[] features = new double[state.length];
        encode(observation, features);
        return greedy(features);
    }

    /** Decisions learned from so far. */
    public long decisions() {
        return decisions;
    }

    /** The Q-network (the online one); the agent keeps training it. */
    public Mlp network() {
        return online;
    }

    /** The replay buffer. */
    public ReplayBuffer replay() {
        return replay;
    }

    @Override
    public long stateBytes() {
        long targetParameters = (long) Mlp.FLOAT32_BYTES * target.parameterCount();
        long gradientBuffer = (long) Mlp.FLOAT32_BYTES * gradient.length;
        return online.stateBytes() + targetParameters + optimiser.stateBytes() + gradientBuffer + replay.stateBytes();
    }

    @Override
    public long operationsPerStep() {
        return online.opsPerForward() + trainingOperations();
    }

    /**
     * Operations per decision averaged over the update schedule once the warmup is over: the acting forward pass
     * every decision, a minibatch update every {@link DqnConfig#updateEvery()}.
     */
    public double meanOperationsPerStep() {
        return online.opsPerForward() + trainingOperations() / (double) config.updateEvery();
    }

    private long trainingOperations() {
        long perTransition = target.opsPerForward() + online.opsPerGradient();
        return config.batchSize() * perTransition + optimiser.opsPerUpdate();
    }

    private void trainOnMinibatch() {
        Arrays.fill(gradient, 0);
        for (int b = 0; b < config.batchSize(); b++) {
            int index = random.nextInt(replay.size());
            replay.state(index, sampledState);
            replay.nextState(index, sampledNext);
            tdLoss.action = replay.action(index);
            tdLoss.target = replay.reward(index) + config.discount() * max(target.outputs(sampledNext, qValues));
            online.accumulateGradient(sampledState, tdLoss, gradient);
        }
        optimiser.descend(gradient);
    }

    private DriveCommand greedy(double[] features) {
        online.outputs(features, qValues);
        int best = 0;
        for (int a = 1; a < qValues.length; a++) {
            if (qValues[a] > qValues[best]) {
                best = a;
            }
        }
        return DriveCommand.of(best);
    }

    private void encode(Observation observation, double[] into) {
        if (observation.distanceSensors() != distanceSensors || observation.lightSensors() != lightSensors) {
            throw new IllegalArgumentException("observation has " + observation.distanceSensors() + " distance and "
                    + observation.lightSensors() + " light sensors; agent was built for " + distanceSensors + " and "
                    + lightSensors);
        }
        for (int s = 0; s < distanceSensors; s++) {
            into[s] = observation.distanceFraction(s);
        }
        into[distanceSensors] = observation.bumped() ? 1 : 0;
        for (int s = 0; s < lightSensors; s++) {
            into[distanceSensors + 1 + s] = observation.lightFraction(s);
        }
    }

    private static double max(double[] values) {
        double max = values[0];
        for (int k = 1; k < values.length; k++) {
            max = Math.max(max, values[k]);
        }
        return max;
    }

    /** One transition's share of the mean Huber loss's gradient: on the taken action's output only, clipped. */
    private final class TdLoss implements Mlp.OutputLoss {
        private int action;
        private double target;

        @Override
        public void gradient(double[] outputs, double[] into) {
            Arrays.fill(into, 0);
            double error = Math.max(-config.tdClip(), Math.min(config.tdClip(), outputs[action] - target));
            into[action] = error / config.batchSize();
        }
    }
}
