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

    private static final DigitSet TRAIN = firstRows(Fixtures.optdigits().train(), 300);
    private static final DigitSet TEST = firstRows(Fixtures.optdigits().test(), 200);

    private static DigitSet firstRows(DigitSet set, int n) {
        int[] seen = {0};
        return set.filter(label -> seen[0]++ < n);
    }

    @Test
    void theSameSeedGivesTheSameLearningCurve() {
        ClassifierConfig config = ClassifierConfig.digits(100, 7);

        DigitsOnDevice.Result a = DigitsOnDevice.run(config, McuProfile.RP2040, TRAIN, TEST, line -> { });
        DigitsOnDevice.Result b = DigitsOnDevice.run(config, McuProfile.RP2040, TRAIN, TEST, line -> { });

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
        DigitsOnDevice.Result r = DigitsOnDevice.run(ClassifierConfig.digits(50, 3), McuProfile.RP2040, TRAIN, TEST,
                line -> { });

        assertEquals(java.util.List.of(10, 20, 50, 100, 200, 300),
                r.learningCurve().stream().map(LearningCurve.Point::samples).toList());
        assertEquals(r.learningCurve().get(5).accuracy(), r.accuracy());
    }
}
