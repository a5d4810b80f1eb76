package dev.aplysia.host.agent;

import java.util.SplittableRandom;

/**
 * A toy closed loop for tests: the robot faces a wall {@code 0..}{@value #DEEPEST} cells ahead, seen by one distance
 * sensor. {@code FORWARD} into free space moves one cell (reward +1); {@code FORWARD} at the wall bumps (reward −1,
 * the bump switch closes, the robot stays); a turn faces a fresh corridor 1..{@value #DEEPEST} cells deep (reward 0).
 * The best policy drives forward until the wall and turns there, earning {@code 5/6} per step on average.
 */
final class Corridor {

    static final int DEEPEST = 5;
    static final int FULL_SCALE = 1023;

    private final SplittableRandom random;
    private int cells;
    private boolean bumped;

    Corridor(long seed) {
        this.random = new SplittableRandom(seed);
        this.cells = DEEPEST;
    }

    /** What the sensor and switch read now. */
    Observation observe() {
        return Observation.withoutLight(new int[] {cells * FULL_SCALE / DEEPEST}, FULL_SCALE, bumped);
    }

    /** Carries out {@code command}; returns its reward. */
    double step(DriveCommand command) {
        bumped = false;
        if (command != DriveCommand.FORWARD) {
            cells = 1 + random.nextInt(DEEPEST);
            return 0;
        }
        if (cells == 0) {
            bumped = true;
            return -1;
        }
        cells--;
        return 1;
    }

    /** Whether the robot stands at the wall. */
    boolean atWall() {
        return cells == 0;
    }

    /** Runs {@code agent} learning for {@code steps} decisions. */
    static void train(ClosedLoopAgent agent, Corridor corridor, int steps) {
        Observation now = corridor.observe();
        for (int t = 0; t < steps; t++) {
            double reward = corridor.step(agent.act(now));
            now = corridor.observe();
            agent.learn(reward, now);
        }
    }
}
