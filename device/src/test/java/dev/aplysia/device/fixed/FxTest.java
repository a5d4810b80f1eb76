package dev.aplysia.device.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FxTest {

    /** The 32-bit leak equals the 64-bit one on the extremes and on a million random values and multipliers. */
    @Test
    void theThirtyTwoBitLeakEqualsTheSixtyFourBitOneEverywhere() {
        int[] extremes = {0, 1, -1, 65535, 65536, -65536, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MIN_VALUE + 1, 1 << 30, -(1 << 30)};
        int[] decays = {0, 1, 32768, 65535, 65536};
        for (int x : extremes) {
            for (int d : decays) {
                assertEquals(Fx.decayTowardZero((long) x, d), Fx.decayTowardZero(x, d), x + " * " + d);
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 1_000_000; k++) {
            int x = random.nextInt();
            int d = random.nextInt(65537);
            assertEquals(Fx.decayTowardZero((long) x, d), Fx.decayTowardZero(x, d), x + " * " + d);
        }
    }

    @Test
    void shiftRoundRoundsHalvesTowardPositiveInfinity() {
        assertEquals(2, Fx.shiftRound(3, 1));
        assertEquals(-1, Fx.shiftRound(-3, 1));
        assertEquals(1, Fx.shiftRound(5, 2));
        assertEquals(2, Fx.shiftRound(6, 2));
        assertEquals(-1, Fx.shiftRound(-5, 2));
        assertEquals(7, Fx.shiftRound(7, 0));
    }

    @Test
    void saturateClampsToTheSignedRangeOfTheWidth() {
        assertEquals(127, Fx.saturate(200, 8));
        assertEquals(-128, Fx.saturate(-200, 8));
        assertEquals(100, Fx.saturate(100, 8));
        assertEquals(32767, Fx.saturate(Long.MAX_VALUE, 16));
    }

    @Test
    void wrapKeepsTheLowBitsInTwosComplement() {
        assertEquals(-128, Fx.wrap(128, 8));
        assertEquals(-1, Fx.wrap(255, 8));
        assertEquals(0, Fx.wrap(256, 8));
        assertEquals(127, Fx.wrap(-129, 8));
    }

    @Test
    void qFormatFitsByItsOverflowRule() {
        QFormat saturating = new QFormat("s", 8, 4, Overflow.SATURATE);
        QFormat wrapping = new QFormat("w", 8, 4, Overflow.WRAP);
        assertEquals(127, saturating.fit(130));
        assertEquals(-126, wrapping.fit(130));
        assertEquals(24, saturating.toRaw(1.5));
        assertEquals(0.0625, saturating.step());
    }

    @Test
    void mulQ15MultipliesByAFactorAndRoundsToNearest() {
        assertEquals(50, Fx.mulQ15(100, Fx.ONE_Q15 / 2));
        assertEquals(2, Fx.mulQ15(3, Fx.ONE_Q15 / 2));
        assertEquals(-1, Fx.mulQ15(-3, Fx.ONE_Q15 / 2));
    }

    @Test
    void decayTowardZeroRoundsTowardZeroOnBothSides() {
        int half = Fx.ONE_Q16 / 2;
        assertEquals(1, Fx.decayTowardZero(3, half));
        assertEquals(-1, Fx.decayTowardZero(-3, half));
        assertEquals(0, Fx.decayTowardZero(1, half));
        assertEquals(1000, Fx.decayTowardZero(1000, Fx.ONE_Q16));
    }

    @Test
    void stochasticShiftIsExactInExpectationOverEverySixteenBitDraw() {
        for (long value : new long[] {5, -5, 1, 12345, -77}) {
            for (int shift : new int[] {1, 3, 7, 16}) {
                long sum = 0;
                for (int r = 0; r < 1 << 16; r++) {
                    sum += Fx.stochasticShift(value, shift, r);
                }
                assertEquals(value << (16 - shift), sum, "value " + value + " shift " + shift);
            }
        }
    }

    @Test
    void stochasticShiftMeanOverPrngDrawsApproachesTheExactQuotient() {
        Prng prng = new Prng(9);
        int draws = 100_000;
        long sum = 0;
        for (int k = 0; k < draws; k++) {
            sum += Fx.stochasticShift(3, 4, prng.next16());
        }
        // 3/16 per draw; a Bernoulli(3/16) mean over 1e5 draws has a standard deviation of 1.2e-3
        assertEquals(3 / 16.0, sum / (double) draws, 6e-3);
    }

    @Test
    void stochasticShiftRoundsOnlyDownOrUpByOneStep() {
        for (int r = 0; r < 1 << 16; r += 257) {
            long q = Fx.stochasticShift(-37, 3, r);
            assertTrue(q == -5 || q == -4, "draw " + r + " gave " + q);
        }
        assertEquals(5, Fx.stochasticShift(40, 3, 65535));
        assertEquals(5, Fx.stochasticShift(40, 3, 0));
    }

    @Test
    void isqrtIsTheLargestRootWhoseSquareFits() {
        assertEquals(0, Fx.isqrt(0));
        assertEquals(1, Fx.isqrt(3));
        assertEquals(3, Fx.isqrt(15));
        assertEquals(4, Fx.isqrt(16));
        assertEquals(65535, Fx.isqrt(65536L * 65536 - 1));
        assertEquals(1L << 31, Fx.isqrt(1L << 62));
    }

    @Test
    void isqrtOfTheLargestLongsDoesNotOverflow() {
        long root = 3_037_000_499L;
        assertEquals(root, Fx.isqrt(Long.MAX_VALUE));
        assertEquals(root, Fx.isqrt(root * root));
        assertEquals(root - 1, Fx.isqrt(root * root - 1));
    }

    @Test
    void isqrtRejectsNegativeValues() {
        assertThrows(IllegalArgumentException.class, () -> Fx.isqrt(-1));
    }

    @Test
    void decayQ16MapsOneToTwoToTheSixteenAndRejectsOutOfRange() {
        assertEquals(65536, Fx.decayQ16(1.0));
        assertEquals(32768, Fx.decayQ16(0.5));
        assertThrows(IllegalArgumentException.class, () -> Fx.decayQ16(1.5));
        assertThrows(IllegalArgumentException.class, () -> Fx.decayQ16(Double.NaN));
    }
}
