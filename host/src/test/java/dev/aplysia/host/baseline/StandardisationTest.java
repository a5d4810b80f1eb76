package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StandardisationTest {

    @Test
    void mapsWithTheTrainingRowsMeanAndPopulationStandardDeviation() {
        // Feature 0: 1, 3 → mean 2, sd 1. Feature 1: 10, 30 → mean 20, sd 10.
        Standardisation standardisation = Standardisation.fit(new double[][] {{1, 10}, {3, 30}});

        double[][] mapped = standardisation.apply(new double[][] {{1, 10}, {5, 0}});

        assertArrayEquals(new double[] {-1, -1}, mapped[0]);
        assertArrayEquals(new double[] {3, -2}, mapped[1]);
    }

    @Test
    void aConstantFeatureIsCentredNotDividedByZero() {
        Standardisation standardisation = Standardisation.fit(new double[][] {{4}, {4}});

        assertArrayEquals(new double[] {1}, standardisation.apply(new double[][] {{5}})[0]);
    }

    @Test
    void stateIsAMeanAndASdPerFeatureAsFloat32() {
        assertEquals(2 * 24 * 4, Standardisation.fit(new double[][] {new double[24]}).stateBytes());
    }

    @Test
    void zeroRowsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardisation.fit(new double[0][]));

        assertEquals("cannot standardise on zero rows", e.getMessage());
    }
}
