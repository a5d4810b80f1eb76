package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigitsOnDeviceTest {

    private static final DigitSet TRAIN = Fixtures.optdigits().train().head(300);
    private static final DigitSet TEST = Fixtures.optdigits().test().head(200);


    @Test
    void theSameSeedGivesTheSameLearningCurve() {
        ClassifierConfig config = ClassifierConfig.digits(100, 7);

        DigitsOnDevice.Result a = DigitsOnDevice.learningCurve(config, McuProfile.RP2040, TRAIN, TEST, (p, of) -> { }, c -> { });
        DigitsOnDevice.Result b = DigitsOnDevice.learningCurve(config, McuProfile.RP2040, TRAIN, TEST, (p, of) -> { }, c -> { });

        assertEquals(a.learningCurve(), b.learningCurve());
        assertEquals(a.opsPerTick(), b.opsPerTick());
    }

    @Test
    void aDifferentSeedPresentsTheSamePermutationInAnotherOrder() {
        int[] a = LearningCurve.shuffledOrder(100, 1);
        int[] b = LearningCurve.shuffledOrder(100, 2);

        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
    }

    @Test
    void theCurveHasOnePointPerCheckpointBelowTheSetSizeAndOneForTheWholePass() {
        DigitsOnDevice.Result r = DigitsOnDevice.learningCurve(ClassifierConfig.digits(50, 3), McuProfile.RP2040, TRAIN,
                TEST, (p, of) -> { }, c -> { });

        assertEquals(java.util.List.of(10, 20, 50, 100, 200, 300),
                r.learningCurve().stream().map(LearningCurve.Point::samples).toList());
        assertEquals(r.learningCurve().get(5).accuracy(), r.accuracy());
    }

    @Test
    void theFinalConfusionMatrixHoldsEveryTestSampleInItsClassRowAndItsTraceIsTheFinalAccuracy() {
        DigitsOnDevice.Result r = DigitsOnDevice.learningCurve(ClassifierConfig.digits(50, 3), McuProfile.RP2040, TRAIN,
                TEST, (p, of) -> { }, c -> { });

        for (int k = 0; k < DigitSet.CLASSES; k++) {
            int digit = k;
            assertEquals(TEST.filter(label -> label == digit).size(), r.confusion().samplesOf(k), "digit " + k);
        }
        assertEquals(r.accuracy(), r.confusion().correct() / (double) TEST.size());
    }
}
