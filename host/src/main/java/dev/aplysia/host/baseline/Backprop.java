package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.SgdTrainer;

/**
 * Online backprop at a byte budget: the comparison's MLP (64-H-10, SGD, batch 1, a constant learning rate) with the
 * widest hidden layer whose {@link Mlp#stateBytes()} fits; optionally with a replay buffer, the standard defence
 * against forgetting: after each new sample it also steps on one sample drawn from a reservoir of past samples
 * (flagged samples are kept there for good). With replay, half of the budget goes to the network and half to the
 * buffer.
 */
public final class Backprop implements DigitLearner {

    /** Fraction of a replay learner's budget given to the network; the rest holds replayed samples. */
    public static final double REPLAY_NETWORK_SHARE = 0.5;

    private final SgdTrainer trainer;
    private final ReservoirMemory replay;
    private final double[] input = new double[DigitSet.PIXELS];

    private Backprop(long networkBytes, ReservoirMemory replay, double learningRate, long seed) {
        Mlp network = new Mlp(DigitSet.PIXELS, hiddenFor(networkBytes), DigitSet.CLASSES, seed);
        this.trainer = new SgdTrainer(network, learningRate, 0);
        this.replay = replay;
    }

    /** Plain online backprop, the whole budget for the network. */
    public static Backprop plain(long budgetBytes, double learningRate, long seed) {
        return new Backprop(budgetBytes, null, learningRate, seed);
    }

    /** Online backprop with a replay buffer; network and buffer together fit {@code budgetBytes}. */
    public static Backprop withReplay(long budgetBytes, double learningRate, long seed) {
        long networkBytes = (long) (budgetBytes * REPLAY_NETWORK_SHARE);
        int capacity = StoredDigit.capacity(budgetBytes - networkBytes, ReservoirMemory.OVERHEAD_BYTES);
        return new Backprop(networkBytes, new ReservoirMemory(capacity, seed ^ 0x7265706CL), learningRate, seed);
    }

    /**
     * The widest hidden layer of a 64-H-10 network whose state fits {@code bytes}.
     *
     * @throws IllegalArgumentException if not even one hidden unit fits
     */
    public static int hiddenFor(long bytes) {
        int hidden = 0;
        while (stateBytes(hidden + 1) <= bytes) {
            hidden++;
        }
        if (hidden == 0) {
            throw new IllegalArgumentException(bytes + " bytes do not hold a 64-1-10 network (" + stateBytes(1)
                    + " bytes)");
        }
        return hidden;
    }

    private static long stateBytes(int hidden) {
        long parameters = (long) hidden * DigitSet.PIXELS + hidden + (long) DigitSet.CLASSES * hidden
                + DigitSet.CLASSES;
        return (long) Mlp.FLOAT32_BYTES * (parameters + DigitSet.PIXELS + 2L * hidden + 2L * DigitSet.CLASSES);
    }

    @Override
    public String name() {
        return replay == null ? "backprop" : "backprop-replay";
    }

    @Override
    public void learn(DigitSet set, int row, boolean flagged) {
        scaled(set, row);
        trainer.learn(input, set.label(row));
        if (replay == null) {
            return;
        }
        if (replay.size() > 0) {
            int slot = replay.randomSlot();
            replay.inputs(slot, input);
            trainer.learn(input, replay.label(slot));
        }
        replay.offer(set, row, flagged);
    }

    @Override
    public int classify(DigitSet set, int row) {
        scaled(set, row);
        return trainer.network().predict(input);
    }

    @Override
    public long stateBytes() {
        return trainer.network().stateBytes() + (replay == null ? 0 : replay.stateBytes());
    }

    /** Hidden units of the network. */
    public int hidden() {
        return trainer.network().hidden();
    }

    private void scaled(DigitSet set, int row) {
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            input[p] = set.pixel(row, p) / (double) DigitSet.MAX_PIXEL;
        }
    }
}
