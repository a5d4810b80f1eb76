package dev.aplysia.host.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void theFirstUpdateMovesEveryParameterWithANonZeroGradientByTheRateAgainstItsSign() {
        Mlp net = new Mlp(2, 3, 2, 4);
        double[] before = net.parameters();
        double[] gradient = new double[net.parameterCount()];
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] = p % 3 == 0 ? 0 : (p % 2 == 0 ? 0.5 : -0.02);
        }

        new Adam(net, 0.01).descend(gradient);

        double[] after = net.parameters();
        for (int p = 0; p < gradient.length; p++) {
            double expected = -0.01 * Math.signum(gradient[p]);
            assertEquals(expected, after[p] - before[p], 1e-6, "parameter " + p);
        }
    }

    @Test
    void repeatedUpdatesOnASquaredOutputLossDriveTheOutputToItsTarget() {
        Mlp net = new Mlp(2, 8, 2, 6);
        Adam adam = new Adam(net, 0.01);
        double[] x = {0.3, 0.8};
        double[] gradient = new double[net.parameterCount()];
        Mlp.OutputLoss towardThree = (outputs, into) -> {
            into[0] = outputs[0] - 3;
            into[1] = 0;
        };

        for (int t = 0; t < 500; t++) {
            Arrays.fill(gradient, 0);
            net.accumulateGradient(x, towardThree, gradient);
            adam.descend(gradient);
        }

        assertEquals(3, net.outputs(x, new double[2])[0], 1e-2);
        assertEquals(500, adam.updates());
    }

    @Test
    void itHoldsTwoMomentsPerParameterAndSpendsNineOperationsOnEach() {
        Mlp net = new Mlp(3, 4, 3, 1);
        Adam adam = new Adam(net, 0.001);

        assertEquals(31, net.parameterCount());
        assertEquals(8 * 31, adam.stateBytes());
        assertEquals(9 * 31, adam.opsPerUpdate());
    }
}
