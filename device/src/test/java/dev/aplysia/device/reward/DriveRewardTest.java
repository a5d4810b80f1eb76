package dev.aplysia.device.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one reward definition, case by case, and the range bins a reading falls in. */
class DriveRewardTest {

    @Test
    void aNewContactIsPunishedWhateverTheAction() {
        assertEquals(DriveReward.BUMP_PUNISHMENT, DriveReward.of(true, true, true, 0, 0));
        assertEquals(DriveReward.BUMP_PUNISHMENT, DriveReward.of(true, true, false, 0, 0));
    }

    /**
     * Pushing on is punished hard; turning off the wall is how the robot gets free, and costs only the contact's
     * toll, so that dithering in contact pays less than getting free.
     */
    @Test
    void heldContactPunishesForwardHardAndATurnByTheToll() {
        assertEquals(DriveReward.BUMP_PUNISHMENT, DriveReward.of(false, true, true, 0, 0));
        assertEquals(-DriveReward.CONTACT_TOLL, DriveReward.of(false, true, false, 0, 0));
        assertEquals(-DriveReward.CONTACT_TOLL + 100, DriveReward.of(false, true, false, 100, 0));
    }

    @Test
    void forwardPaysAndTheChangesAreClamped() {
        assertEquals(DriveReward.FORWARD_REWARD + 100, DriveReward.of(false, false, true, 100, 0));
        assertEquals(-DriveReward.CHANGE_LIMIT + DriveReward.CHANGE_LIMIT,
                DriveReward.of(false, false, false, -DriveReward.ONE, DriveReward.ONE));
    }
}
