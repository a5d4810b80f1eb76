package dev.aplysia.host.agent;

import java.util.SplittableRandom;

/**
 * The floor every learner must clear: each decision a command drawn uniformly from a {@link SplittableRandom} seeded
 * at construction, whatever the robot senses. Never learns.
 */
public final class RandomPolicy implements ClosedLoopAgent {

    /** Bytes of the generator's state: a {@link SplittableRandom} holds two longs. */
    public static final long STATE_BYTES = 2L * Long.BYTES;

    private final SplittableRandom random;

    /** A policy whose draws all follow from {@code seed}. */
    public RandomPolicy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public DriveCommand act(Observation observation) {
        return DriveCommand.of(random.nextInt(DriveCommand.count()));
    }

    @Override
    public void learn(double reward, Observation next) {
        // A random policy takes nothing from the outcome.
    }

    /** {@link #STATE_BYTES}. */
    @Override
    public long stateBytes() {
        return STATE_BYTES;
    }

    /** One draw, counted as one operation. */
    @Override
    public long operationsPerStep() {
        return 1;
    }
}
