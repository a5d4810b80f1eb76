package dev.aplysia.host.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SgdTrainerTest {

    private static final DigitSet TRAIN = Fixtures.optdigits().train();

    @Test
    void theSameSeedGivesIdenticalWeightsAfterTheSameOnlineSteps() {
        assertArrayEquals(afterOnlineSteps(3, 500), afterOnlineSteps(3, 500));
    }

    @Test
    void theSameSeedsGiveIdenticalWeightsAfterShuffledEpochs() {
        assertArrayEquals(afterEpochs(3, 11), afterEpochs(3, 11));
    }

    @Test
    void anotherShuffleSeedPresentsTheEpochsInAnotherOrder() {
        assertFalse(Arrays.equals(afterEpochs(3, 11), afterEpochs(3, 12)));
    }

    @Test
    void theRateFallsAsOneOverOnePlusDecayTimesCompletedEpochs() {
        SgdTrainer trainer = new SgdTrainer(new Mlp(2, 2, 2, 1), 0.1, 0.5);
        double[][] inputs = {{1, 0}, {0, 1}};

        trainer.trainEpochs(inputs, new int[] {0, 1}, 2, 1);

        assertEquals(0.1 / (1 + 0.5 * 2), trainer.learningRate(), 1e-15);
    }

    private static double[] afterOnlineSteps(long seed, int steps) {
        SgdTrainer trainer = new SgdTrainer(new Mlp(DigitSet.PIXELS, 64, DigitSet.CLASSES, seed), 0.03, 0);
        double[][] inputs = inputs(TRAIN);
        for (int i = 0; i < steps; i++) {
            trainer.learn(inputs[i], TRAIN.label(i));
        }
        return trainer.network().parameters();
    }

    private static double[] afterEpochs(long seed, long shuffleSeed) {
        SgdTrainer trainer = new SgdTrainer(new Mlp(DigitSet.PIXELS, 16, DigitSet.CLASSES, seed), 0.05, 0.2);
        DigitSet subset = TRAIN.head(300);
        trainer.trainEpochs(inputs(subset), labels(subset), 2, shuffleSeed);
        return trainer.network().parameters();
    }


    private static double[][] inputs(DigitSet set) {
        double[][] inputs = new double[set.size()][DigitSet.PIXELS];
        for (int i = 0; i < set.size(); i++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                inputs[i][p] = set.pixel(i, p) / (double) DigitSet.MAX_PIXEL;
            }
        }
        return inputs;
    }

    private static int[] labels(DigitSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }
}
