package dev.aplysia.host.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static final double[] X = {0.9, 0.4, 0.6};
    private static final int LABEL = 2;

    @Test
    void backpropagatedGradientsMatchCentralFiniteDifferencesOnATinyNetwork() {
        Mlp net = new Mlp(3, 4, 3, 5);
        double[] before = net.parameters();
        Mlp stepped = net.copy();
        stepped.step(X, LABEL, 1.0);
        double[] after = stepped.parameters();
        double epsilon = 1e-5;
        int firstLayerGradients = 0;

        for (int k = 0; k < before.length; k++) {
            double backprop = before[k] - after[k];
            double numeric = (lossWith(net, k, before[k] + epsilon) - lossWith(net, k, before[k] - epsilon))
                    / (2 * epsilon);
            assertEquals(numeric, backprop, 1e-8, "parameter " + k);
            firstLayerGradients += k < 3 * 4 && backprop != 0 ? 1 : 0;
        }
        assertTrue(firstLayerGradients >= 3, "some hidden unit must be active for the check to reach W1");
    }

    @Test
    void aLearningStepReducesTheLossOnThatSample() {
        Mlp net = new Mlp(3, 4, 3, 5);
        double before = net.loss(X, LABEL);

        double reported = net.step(X, LABEL, 0.03);

        assertEquals(before, reported);
        assertTrue(net.loss(X, LABEL) < before, "loss " + before + " -> " + net.loss(X, LABEL));
    }

    @Test
    void aDifferentSeedGivesDifferentInitialWeights() {
        assertFalse(Arrays.equals(new Mlp(64, 64, 10, 9).parameters(), new Mlp(64, 64, 10, 10).parameters()));
    }

    @Test
    void initialWeightsLieWithinTheHeAndXavierBoundsAndBiasesStartAtZero() {
        double[] p = new Mlp(3, 4, 2, 1).parameters();
        double he = Math.sqrt(6.0 / 3);
        double xavier = Math.sqrt(6.0 / (4 + 2));

        for (int k = 0; k < 12; k++) {
            assertTrue(Math.abs(p[k]) < he, "W1 " + k);
        }
        assertArrayEquals(new double[4], Arrays.copyOfRange(p, 12, 16));
        for (int k = 16; k < 24; k++) {
            assertTrue(Math.abs(p[k]) < xavier, "W2 " + k);
        }
        assertArrayEquals(new double[2], Arrays.copyOfRange(p, 24, 26));
    }

    @Test
    void probabilitiesFormASoftmaxWhoseLargestIsThePrediction() {
        Mlp net = new Mlp(3, 4, 3, 5);

        double[] p = net.probabilities(X, new double[3]);

        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        int argmax = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
        assertEquals(argmax, net.predict(X));
        assertEquals(-Math.log(p[LABEL]), net.loss(X, LABEL), 1e-12);
    }

    @Test
    void aCopyLearnsWithoutChangingItsOriginal() {
        Mlp original = new Mlp(3, 4, 3, 5);
        double[] before = original.parameters();

        original.copy().step(X, LABEL, 0.5);

        assertArrayEquals(before, original.parameters());
    }

    @Test
    void costsOfA3By4By2NetworkEqualTheHandCount() {
        Mlp net = new Mlp(3, 4, 2, 1);

        assertEquals(4 * 3 + 4 + 2 * 4 + 2, net.parameterCount());
        assertEquals(4 * (26 + 3 + 2 * 4 + 2 * 2), net.stateBytes());
        assertEquals((4 * 3 + 2 * 4) + 2 * 4 + 26, net.opsPerLearningStep());
    }

    @Test
    void anAccumulatedGradientOfALossOnTheLinearOutputsMatchesCentralFiniteDifferences() {
        Mlp net = new Mlp(3, 4, 3, 5);
        double[] gradient = new double[net.parameterCount()];
        Arrays.fill(gradient, 1);
        double epsilon = 1e-5;

        net.accumulateGradient(X, MlpTest::squaredErrorOfOutputOneGradient, gradient);

        for (int k = 0; k < gradient.length; k++) {
            double numeric = (squaredErrorWith(net, k, net.parameters()[k] + epsilon)
                    - squaredErrorWith(net, k, net.parameters()[k] - epsilon)) / (2 * epsilon);
            assertEquals(1 + numeric, gradient[k], 1e-8, "parameter " + k + " (added to 1)");
        }
    }

    @Test
    void theSoftmaxOfTheLinearOutputsIsTheProbabilities() {
        Mlp net = new Mlp(3, 4, 3, 5);

        double[] outputs = net.outputs(X, new double[3]);
        Softmax.inPlace(outputs);

        assertArrayEquals(net.probabilities(X, new double[3]), outputs, 1e-15);
    }

    @Test
    void aNetworkCopiesAnotherOfTheSameShapeAndRefusesAnotherShape() {
        Mlp target = new Mlp(3, 4, 3, 1);
        Mlp source = new Mlp(3, 4, 3, 2);

        target.copyParametersFrom(source);

        assertArrayEquals(source.parameters(), target.parameters());
        assertThrows(IllegalArgumentException.class, () -> target.copyParametersFrom(new Mlp(3, 5, 3, 2)));
    }

    @Test
    void adjustingAddsTheChangeToEveryParameter() {
        Mlp net = new Mlp(3, 4, 2, 1);
        double[] before = net.parameters();
        double[] change = new double[net.parameterCount()];
        change[0] = 0.25;
        change[25] = -1;

        net.adjust(change);

        assertEquals(before[0] + 0.25, net.parameters()[0]);
        assertEquals(before[25] - 1, net.parameters()[25]);
        assertEquals(before[7], net.parameters()[7]);
    }

    @Test
    void aForwardPassCostsOneMultiplyAddPerWeightAndAGradientAsMuchAsAStep() {
        Mlp net = new Mlp(3, 4, 2, 1);

        assertEquals(4 * 3 + 2 * 4, net.opsPerForward());
        assertEquals(net.opsPerLearningStep(), net.opsPerGradient());
    }

    @Test
    void costsOfTheDigitsNetworksEqualTheHandCount() {
        assertEquals(20_088, new Mlp(64, 64, 10, 1).stateBytes());
        assertEquals(10_186, new Mlp(64, 64, 10, 1).opsPerLearningStep());
        assertEquals(123_576, new Mlp(64, 400, 10, 1).stateBytes());
        assertEquals(63_610, new Mlp(64, 400, 10, 1).opsPerLearningStep());
    }

    @Test
    void aLearningStepAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Mlp net = new Mlp(64, 64, 10, 1);
        double[] x = new double[64];
        x[3] = 1;
        for (int i = 0; i < 20_000; i++) {
            net.step(x, i % 10, 0.01);
        }

        int steps = 1_000;

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < steps; i++) {
            net.step(x, i % 10, 0.01);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // The smallest heap object is 16 bytes: one per step would show; a one-off VM allocation need not fail.
        assertTrue(allocated < 16L * steps, allocated + " bytes in " + steps + " steps");
    }

    /** {@code ½ (o₁ − 2)²}'s gradient on the outputs. */
    private static void squaredErrorOfOutputOneGradient(double[] outputs, double[] into) {
        Arrays.fill(into, 0);
        into[1] = outputs[1] - 2;
    }

    private static double squaredErrorWith(Mlp net, int index, double value) {
        Mlp probe = net.copy();
        probe.setParameter(index, value);
        double error = probe.outputs(X, new double[3])[1] - 2;
        return error * error / 2;
    }

    private static double lossWith(Mlp net, int index, double value) {
        Mlp probe = net.copy();
        probe.setParameter(index, value);
        return probe.loss(X, LABEL);
    }
}
