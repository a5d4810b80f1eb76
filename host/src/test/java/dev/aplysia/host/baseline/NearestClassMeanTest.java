package dev.aplysia.host.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.fixtures.dataset.DigitSet;
import org.junit.jupiter.api.Test;

class NearestClassMeanTest {

    @Test
    void aQueryGoesToTheClassWhoseRunningMeanIsNearest() {
        DigitSet train = TinyDigits.of(new int[] {0, 1}, new int[] {4, 1}, new int[] {10, 2}, new int[] {16, 2});
        NearestClassMean ncm = new NearestClassMean();
        for (int row = 0; row < train.size(); row++) {
            ncm.learn(train, row, false);
        }
        DigitSet queries = TinyDigits.of(new int[] {2, 0}, new int[] {7, 0}, new int[] {8, 0});
        assertEquals(1, ncm.classify(queries, 0), "mean of class 1 is 2");
        assertEquals(1, ncm.classify(queries, 1), "7 is 5 from 2 and 6 from 13");
        assertEquals(2, ncm.classify(queries, 2), "8 is 6 from 2 and 5 from 13");
    }

    @Test
    void itsStateIsTenSumsPerPixelAndTenCountsOfFourBytes() {
        assertEquals((640 + 10) * 4, new NearestClassMean().stateBytes());
    }
}
