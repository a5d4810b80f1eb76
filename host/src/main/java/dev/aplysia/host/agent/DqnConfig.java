package dev.aplysia.host.agent;

/**
 * The DQN agent's shape and schedule. Counts of steps are decisions (one per decision period).
 *
 * @param hidden             hidden ReLU units of the Q-network, ≥ 1
 * @param replayCapacity     transitions the replay buffer holds, ≥ {@code batchSize}
 * @param batchSize          transitions per minibatch update, ≥ 1
 * @param updateEvery        decisions between minibatch updates, ≥ 1
 * @param warmup             transitions stored before the first update, ≥ {@code batchSize}
 * @param targetEvery        decisions between copies of the online network into the target network, ≥ 1
 * @param discount           {@code γ} of the return, in [0, 1)
 * @param learningRate       Adam's {@code η}, {@code > 0}
 * @param epsilonStart       exploration rate at the first decision, in [0, 1]
 * @param epsilonEnd         exploration rate once decayed, in [0, {@code epsilonStart}]
 * @param epsilonDecaySteps  decisions over which the rate falls linearly from start to end, ≥ 1
 * @param tdClip             bound on the temporal-difference error's gradient (the Huber loss's knee), {@code > 0}
 */
public record DqnConfig(int hidden, int replayCapacity, int batchSize, int updateEvery, int warmup, int targetEvery,
                        double discount, double learningRate, double epsilonStart, double epsilonEnd,
                        int epsilonDecaySteps, double tdClip) {

    /** Checks every bound above. */
    public DqnConfig {
        if (hidden < 1 || batchSize < 1 || replayCapacity < batchSize || updateEvery < 1 || warmup < batchSize
                || targetEvery < 1 || epsilonDecaySteps < 1) {
            throw new IllegalArgumentException("need hidden, batch, update and target periods >= 1,"
                    + " and replay capacity and warmup >= batch size");
        }
        if (!(discount >= 0 && discount < 1) || !(learningRate > 0) || !(tdClip > 0)
                || !(epsilonStart >= 0 && epsilonStart <= 1) || !(epsilonEnd >= 0 && epsilonEnd <= epsilonStart)) {
            throw new IllegalArgumentException("need 0 <= discount < 1, learning rate and clip > 0,"
                    + " 0 <= epsilonEnd <= epsilonStart <= 1");
        }
    }

    /**
     * The defaults: 32 hidden units, 1000 transitions, minibatches of 32 every 2 decisions after 100, target copied
     * every 100 decisions, {@code γ = 0.9}, {@code η = 0.001}, exploration from 1.0 to 0.05 over 1000 decisions,
     * TD errors clipped at 1. Sized for a few simulated minutes of experience: a few thousand decisions, so the
     * exploration and the replay memory both span about a thousand.
     */
    public static DqnConfig defaults() {
        return new DqnConfig(32, 1000, 32, 2, 100, 100, 0.9, 0.001, 1.0, 0.05, 1000, 1.0);
    }

    /** The exploration rate at decision {@code step} (0 for the first): linear decay, then flat. */
    public double epsilon(long step) {
        double progress = Math.min(1, step / (double) epsilonDecaySteps);
        return epsilonStart + (epsilonEnd - epsilonStart) * progress;
    }

}
