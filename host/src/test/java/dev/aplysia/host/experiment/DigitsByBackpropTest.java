package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.host.backprop.SgdTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitsByBackpropTest {

    private static final DigitSet TRAIN = Fixtures.optdigits().train();
    private static final DigitSet TEST = Fixtures.optdigits().test();
    private static final long SEED = 1;

    @Test
    void oneOnlinePassWith64HiddenUnitsReachesAtLeast85PercentOnTheTestSet() {
        List<LearningCurve.Point> curve = DigitsByBackprop.onlinePass(DigitsByBackprop.onlineTrainer(64, SEED), TRAIN, TEST,
                shuffledOrder(TRAIN.size()));

        double accuracy = curve.get(curve.size() - 1).accuracy();
        assertTrue(accuracy >= 0.85, "accuracy " + accuracy);
    }

    @Test
    void theOnlineCurveIsScoredAtTheDeviceCheckpointsAndAtTheEndOfThePass() {
        List<LearningCurve.Point> curve = DigitsByBackprop.onlinePass(DigitsByBackprop.onlineTrainer(8, SEED), TRAIN, TEST,
                shuffledOrder(600));

        assertEquals(List.of(10, 20, 50, 100, 200, 500, 600), curve.stream().map(LearningCurve.Point::samples).toList());
    }

    @Test
    void theConfusionMatrixHoldsEveryTestSampleInItsClassRowAndItsTraceIsTheAccuracy() {
        SgdTrainer trainer = DigitsByBackprop.onlineTrainer(8, SEED);
        DigitsByBackprop.onlinePass(trainer, TRAIN, TEST, shuffledOrder(600));

        ConfusionMatrix confusion = DigitsByBackprop.confusion(trainer.network(), TEST);

        for (int k = 0; k < DigitSet.CLASSES; k++) {
            int digit = k;
            assertEquals(TEST.filter(label -> label == digit).size(), confusion.samplesOf(k), "digit " + k);
        }
        assertEquals(DigitsByBackprop.accuracy(trainer.network(), TEST), confusion.correct() / (double) TEST.size());
    }

    @Test
    void tenEpochsWith64HiddenUnitsReachAtLeast95PercentOnTheTestSet() {
        double accuracy = DigitsByBackprop.offline(DigitsByBackprop.offlineTrainer(64, SEED), TRAIN, TEST, 10, SEED);

        assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
    }

    @Test
    void learningDigits5To9AloneForgetsMoreThanHalfOfWhatWasLearnedOn0To4() {
        DigitsByBackprop.Forgetting f = DigitsByBackprop.classIncremental(DigitsByBackprop.onlineTrainer(64, SEED), TRAIN,
                TEST, 3, SEED);

        assertTrue(f.firstTaskBefore() >= 0.9, "first task was learned: " + f);
        assertTrue(f.firstTaskAfter() < f.firstTaskBefore() / 2, "first task forgotten: " + f);
    }

    @Test
    void inputsArePixelsOverSixteen() {
        double[][] inputs = DigitsByBackprop.inputs(TEST);

        assertEquals(TEST.pixel(7, 20) / 16.0, inputs[7][20]);
        assertEquals(TEST.size(), inputs.length);
    }

    private static int[] shuffledOrder(int n) {
        return LearningCurve.shuffledOrder(n, SEED);
    }
}
