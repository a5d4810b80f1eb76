package dev.aplysia.device.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrngTest {

    private static int[] draw(Prng prng, int n) {
        int[] values = new int[n];
        for (int k = 0; k < n; k++) {
            values[k] = prng.nextInt();
        }
        return values;
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        assertArrayEquals(draw(new Prng(1234), 1000), draw(new Prng(1234), 1000));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        assertNotEquals(draw(new Prng(1), 4)[0], draw(new Prng(2), 4)[0]);
    }

    /** Pinned against an independent SplitMix64 + xoshiro128** implementation (Python, from the reference C). */
    @Test
    void firstValuesArePinnedToReferenceXoshiro128StarStar() {
        assertArrayEquals(new int[] {1776835114, (int) 4165204688L, 17111135, (int) 2317295270L},
                draw(new Prng(42), 4));
        assertArrayEquals(new int[] {(int) 3737715805L, (int) 2584255861L, (int) 2876756834L, (int) 3286328325L},
                draw(new Prng(0), 4));
    }

    @Test
    void restoringAStateReplaysTheSequenceFromThere() {
        Prng prng = new Prng(77);
        draw(prng, 10);
        int[] state = prng.state();
        int[] expected = draw(prng, 20);
        prng.restore(state);
        assertArrayEquals(expected, draw(prng, 20));
    }

    @Test
    void restoreRejectsTheAllZeroState() {
        assertThrows(IllegalArgumentException.class, () -> new Prng(1).restore(new int[4]));
    }

    @Test
    void nextBelowStaysInItsBound() {
        Prng prng = new Prng(5);
        for (int k = 0; k < 10_000; k++) {
            int value = prng.nextBelow(10);
            assertTrue(value >= 0 && value < 10, "drew " + value);
        }
    }
}
