package dev.aplysia.device.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The TD critic by hand: its first step, a constant reward it comes to predict, a bad place it learns to expect, and
 * values held in the value projection's weight format.
 */
class CriticTest {

    /** Two states of four active features each, as several sensors' bins are: a value is spread over them. */
    private static final int A = RangeCode.ACTIVE;
    private static final int[] OPEN = {A, A, A, A, 0, 0, 0, 0};
    private static final int[] WALL = {0, 0, 0, 0, A, A, A, A};
    private static final int HALF = DriveReward.ONE / 2;

    @Test
    void theFirstStepIsTheRewardAndMovesTheValueOfThePlaceItLeft() {
        Critic critic = new Critic(new short[8], 8);
        assertEquals(0, critic.delta(HALF, OPEN), "no previous state, no error");
        critic.observe(OPEN);

        assertEquals(HALF, critic.delta(HALF, OPEN));
        assertEquals(HALF >> Critic.ALPHA_SHIFT, critic.value(OPEN));
        assertEquals(0, critic.value(WALL));
    }

    @Test
    void theValuesAreQ14WeightsInTheArrayGivenAndSaturateThere() {
        short[] weights = new short[8];
        Critic critic = new Critic(weights, 8);
        critic.observe(OPEN);
        critic.delta(HALF, OPEN);

        assertEquals((HALF >> Critic.ALPHA_SHIFT) / 4 / 2, weights[0], "a quarter of the step, in Q1.14, per feature");
        short open = weights[0];
        for (int step = 0; step < 2000; step++) {
            critic.observe(WALL);
            critic.delta(2 * DriveReward.BUMP_PUNISHMENT, WALL);
        }
        assertEquals(Short.MIN_VALUE, weights[4], "a value saturates at -2 per feature");
        assertEquals(open, weights[0], "the open state's features are untouched by the wall's");
    }

    @Test
    void aConstantRewardIsPredictedUntilItCarriesNoError() {
        Critic critic = new Critic(new short[8], 8);
        critic.observe(OPEN);
        int delta = 0;
        for (int step = 0; step < 400; step++) {
            delta = critic.delta(HALF, OPEN);
            critic.observe(OPEN);
        }
        int predicted = (int) (HALF * (long) DriveReward.ONE / (DriveReward.ONE - Critic.GAMMA));

        assertTrue(Math.abs(delta) < HALF / 100, "error after 400 steps " + delta);
        assertTrue(Math.abs(critic.value(OPEN) - predicted) < predicted / 50, critic.value(OPEN) + " vs " + predicted);
    }

    /**
     * A place that keeps ending in punishment comes to be expected, so leaving it with no reward at all is better than
     * it promised: the step gets a positive error, which a global reward baseline could not give (decision 139).
     */
    @Test
    void leavingAPlaceThatEndsBadlyIsBetterThanItPromised() {
        Critic critic = new Critic(new short[8], 8);
        for (int visit = 0; visit < 200; visit++) {
            critic.observe(WALL);
            critic.delta(DriveReward.BUMP_PUNISHMENT, WALL);
        }
        critic.observe(WALL);
        assertTrue(critic.value(WALL) < DriveReward.BUMP_PUNISHMENT, "the wall is worth " + critic.value(WALL));

        assertTrue(critic.delta(0, OPEN) > DriveReward.ONE, "leaving the wall");
    }

    @Test
    void aStepWithoutAPreviousStateCarriesNoError() {
        Critic critic = new Critic(new short[8], 8);
        critic.observe(WALL);
        critic.forget();

        assertEquals(0, critic.delta(DriveReward.BUMP_PUNISHMENT, WALL));
        assertEquals(0, critic.value(WALL));
    }
}
