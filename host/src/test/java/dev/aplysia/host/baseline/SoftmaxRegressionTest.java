package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    /** Three classes, one per corner of the plane: class 0 near (−1, 0), class 1 near (1, 0), class 2 near (0, 1). */
    private static final double[][] INPUTS = {{-1, 0}, {-0.9, -0.1}, {1, 0}, {0.9, -0.1}, {0, 1}, {0.1, 0.9}};
    private static final int[] LABELS = {0, 0, 1, 1, 2, 2};

    @Test
    void anUntrainedModelTiesEveryClassAndAnswersTheLowest() {
        SoftmaxRegression model = new SoftmaxRegression(2, 3, 0.5, 2);

        assertEquals(0, model.predict(new double[] {0, 1}));
    }

    @Test
    void trainingSeparatesThreeLinearlySeparableClasses() {
        SoftmaxRegression model = new SoftmaxRegression(2, 3, 0.5, 2);

        model.trainEpochs(INPUTS, LABELS, 50, 1);

        assertEquals(0, model.predict(new double[] {-0.8, 0.1}));
        assertEquals(1, model.predict(new double[] {0.8, 0.1}));
        assertEquals(2, model.predict(new double[] {0, 0.8}));
    }

    @Test
    void stateIsOneWeightPerFeatureAndOneBiasPerClassAsFloat32() {
        SoftmaxRegression model = new SoftmaxRegression(24, 4, 0.1, 32);

        assertEquals(100, model.parameterCount());
        assertEquals(400, model.stateBytes());
    }

    @Test
    void anInputOfTheWrongWidthIsRejected() {
        SoftmaxRegression model = new SoftmaxRegression(2, 3, 0.5, 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(new double[] {1, 2, 3}));

        assertEquals("input has 3 features, model takes 2", e.getMessage());
    }

    @Test
    void aLabelOutsideTheClassesIsRejected() {
        SoftmaxRegression model = new SoftmaxRegression(2, 3, 0.5, 2);

        assertThrows(IndexOutOfBoundsException.class,
                () -> model.trainEpochs(new double[][] {{0, 0}}, new int[] {3}, 1, 1));
    }
}
