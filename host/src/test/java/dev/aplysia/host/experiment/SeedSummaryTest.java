package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeedSummaryTest {

    @Test
    void oneTwoThreeHaveMeanTwoSampleSdOneAndAStudentInterval() {
        SeedSummary s = SeedSummary.of(1, 2, 3);
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.sd(), 1e-12);
        assertEquals(4.303 / Math.sqrt(3), s.halfCi95(), 1e-12);
        assertEquals("2.000 ± 1.000 [-0.484, 4.484]", s.reported());
    }

    @Test
    void tenSeedsUseNineDegreesOfFreedom() {
        double[] values = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        SeedSummary s = SeedSummary.of(values);
        assertEquals(Math.sqrt(2.5 / 9), s.sd(), 1e-12);
        assertEquals(2.262 * s.sd() / Math.sqrt(10), s.halfCi95(), 1e-12);
    }

    @Test
    void oneSeedHasNoSpreadAndNoSeedIsAnError() {
        assertEquals(new SeedSummary(1, 0.5, 0, 0), SeedSummary.of(0.5));
        assertThrows(IllegalArgumentException.class, SeedSummary::of);
    }
}
