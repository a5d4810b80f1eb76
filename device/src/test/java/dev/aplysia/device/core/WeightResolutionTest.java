package dev.aplysia.device.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.ProjectionSpec;
import org.junit.jupiter.api.Test;

class WeightResolutionTest {

    private static ProjectionSpec projection(double wMax, int fraction) {
        return ProjectionSpec.constant("p", "a", "b", 0, wMax, 0, PlasticityRule.NONE).withWeightFraction(fraction);
    }

    @Test
    void theDefaultResolutionStoresEachWeightInSixteenBits() {
        assertEquals(16, ProjectionSpec.constant("p", "a", "b", -1, 1, 0, PlasticityRule.NONE).weightStorageBits());
        assertEquals(16, projection(1, 14).weightStorageBits());
    }

    @Test
    void sixteenStepsOfOneThirtySecondFitFourBits() {
        assertEquals(4, projection(15 / 32.0, 5).weightStorageBits());
        assertEquals(8, projection(16 / 32.0, 5).weightStorageBits(), "17 levels need 5 bits, packed as 8");
        assertEquals(2, projection(0.75, 2).weightStorageBits());
    }

    @Test
    void aCoarseWeightIsHeldInItsOwnStepsAndKeepsItsRealValue() {
        ProjectionSpec p = projection(15 / 32.0, 5);
        assertEquals(15, p.weightFormat().toRaw(15 / 32.0));
        assertEquals(0.25, p.weightFormat().toReal(8));
    }
}
