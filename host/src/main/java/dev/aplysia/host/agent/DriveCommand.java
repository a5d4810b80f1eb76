package dev.aplysia.host.agent;

import dev.aplysia.device.reward.RewardWiring;

/**
 * The drive commands every closed-loop agent chooses from: the device's reward robot's three actions, in its order,
 * with the duties {@link RewardWiring#dutyPermille} defines there, so the host's agents and the device drive the same
 * robot from one definition.
 *
 * <p>Duties are permille of the PWM channel's {@code maxDuty()}, {left motor, right motor}, both wheels driving
 * forward (the drive has no reverse). A turn stops the inner wheel and drives the outer one, so the robot pivots on
 * its inner wheel: the tightest turn a forward-only drive can make, its centre moving along an arc of half the wheel
 * base.
 */
public enum DriveCommand {

    /** Both wheels at 800 ‰: straight ahead. */
    FORWARD(RewardWiring.FORWARD),
    /** Left wheel stopped, right wheel at 600 ‰: pivots anticlockwise (to the left) on the left wheel. */
    TURN_LEFT(RewardWiring.TURN_LEFT),
    /** Left wheel at 600 ‰, right wheel stopped: pivots clockwise (to the right) on the right wheel. */
    TURN_RIGHT(RewardWiring.TURN_RIGHT);

    /** Denominator of the duties: they are permille. */
    public static final int PERMILLE = 1000;

    private static final DriveCommand[] ALL = values();

    private final int leftPermille;
    private final int rightPermille;

    DriveCommand(int action) {
        this.leftPermille = RewardWiring.dutyPermille(action, 0);
        this.rightPermille = RewardWiring.dutyPermille(action, 1);
    }

    /** The number of commands, 3. */
    public static int count() {
        return ALL.length;
    }

    /** The command with {@link #ordinal()} {@code index}, 0..{@link #count()}−1. */
    public static DriveCommand of(int index) {
        return ALL[index];
    }

    /** Left motor duty, permille of full scale. */
    public int leftPermille() {
        return leftPermille;
    }

    /** Right motor duty, permille of full scale. */
    public int rightPermille() {
        return rightPermille;
    }

    /** Left motor duty in counts of a channel whose full duty is {@code maxDuty}, rounded down. */
    public int leftDuty(int maxDuty) {
        return (int) ((long) leftPermille * maxDuty / PERMILLE);
    }

    /** Right motor duty in counts of a channel whose full duty is {@code maxDuty}, rounded down. */
    public int rightDuty(int maxDuty) {
        return (int) ((long) rightPermille * maxDuty / PERMILLE);
    }
}
