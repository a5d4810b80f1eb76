package dev.aplysia.device.plasticity;

import static dev.aplysia.device.plasticity.Rig.pre;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.fixed.Prng;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.TraceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void hebbianNormalisationKeepsEachFiringNeuronsIncomingWeightsSummingToTheTarget() {
        Rig rig = new Rig(PlasticityRule.hebbianNormalised(0.02, 1.0), 4, 2, TraceSpec.exponential(10, 1), 0, 1.5,
                0.1, 8);
        Prng inputs = new Prng(99);
        for (int t = 0; t < 300; t++) {
            List<Integer> firing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                if (inputs.nextBelow(3) == 0) {
                    firing.add(i);
                }
            }
            int[] posts = t % 3 == 0 ? new int[] {0, 1} : new int[] {0};
            rig.tick(firing.stream().mapToInt(Integer::intValue).toArray(), posts);
            for (int j : posts) {
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    sum += rig.weight(i, j);
                }
                // each rescaled weight rounds to nearest: at most half a step each
                assertEquals(1.0, sum, 4 * 0.5 * Rig.step(), "post " + j + " at tick " + t);
            }
        }
    }

    /**
     * Pre and post fire every tick; SET traces hold x = 0.25 and y = 0.5, so Oja's {@code dw = eta y (x - y w)} has
     * its fixed point at {@code w = x / y = 0.5}, reached from above and from below.
     */
    @Test
    void ojasRuleSettlesTheWeightAtPreOverPostTrace() {
        for (double initial : new double[] {0, 1.5}) {
            Rig rig = new Rig(PlasticityRule.oja(0.1), 1, 1, new TraceSpec(1, 0.25, TraceSpec.Mode.SET),
                    new TraceSpec(1, 0.5, TraceSpec.Mode.SET), 0, 1.9, initial, 4);
            for (int t = 0; t < 500; t++) {
                rig.tick(pre(0), 0);
            }
            assertEquals(0.5, rig.weight(0, 0), 0.002, "from " + initial);
        }
    }
}
