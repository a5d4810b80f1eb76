package dev.aplysia.device.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import org.junit.jupiter.api.Test;

class ClassifierBudgetTest {

    private static final ClassifierConfig DIGITS = ClassifierConfig.digits(1, 1);

    @Test
    void theSizedClassifierIsTheLargestWhoseStateFitsTheBudget() {
        int hidden = SpikingClassifier.hiddenFor(DIGITS, 16 << 10);
        assertTrue(SpikingClassifier.stateBytes(DIGITS.withHidden(hidden)) <= 16 << 10);
        assertTrue(SpikingClassifier.stateBytes(DIGITS.withHidden(hidden + 1)) > 16 << 10);
    }

    @Test
    void compactStorageHoldsAFeatureInFourBitWeightsAndSixteenBitNeuronState() {
        long perFeature = SpikingClassifier.stateBytes(DIGITS.withHidden(101))
                - SpikingClassifier.stateBytes(DIGITS.withHidden(100));
        long weights = 64 * 4 / 8 + 10 * 4 / 8;
        long neuron = 4 + 5 * 2 + 2;
        assertEquals(weights + neuron, perFeature, 1, "one spike bit per neuron rounds to a byte now and then");
    }

    @Test
    void aBudgetBelowOneFeatureNeuronIsRefusedSayingHowMuchOneNeeds() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpikingClassifier.hiddenFor(DIGITS, 100));
        assertTrue(e.getMessage().contains("one feature neuron"), e.getMessage());
    }

    @Test
    void aSampleTheClassifierGetsWrongRecruitsAFreshNeuronForItsClass() {
        SpikingClassifier classifier = new SpikingClassifier(new ClassifierConfig(8, 4, 2, 16, 2.0, 0.9, 0.7, 1.0, 0,
                0, 0.5, 1, ClassifierConfig.Storage.COMPACT, true, 0.25), McuProfile.PI_NATIVE);
        int[] left = {16, 16, 16, 16, 0, 0, 0, 0};
        int[] alsoLeftButClassOne = {16, 16, 16, 0, 16, 0, 0, 0};
        classifier.learn(left, 0, 1.0);
        assertEquals(0, classifier.classify(alsoLeftButClassOne), "before: the one memory answers");
        classifier.learn(alsoLeftButClassOne, 1, 1.0);
        assertEquals(0, classifier.featureClass(0), "the wrong winner is left as it was");
        assertEquals(1, classifier.featureClass(1), "a fresh neuron took the sample");
        assertEquals(0, classifier.classify(left));
        assertEquals(1, classifier.classify(alsoLeftButClassOne));
    }
}
