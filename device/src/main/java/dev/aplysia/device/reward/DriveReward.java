package dev.aplysia.device.reward;

/**
 * The reward of one decision period, from what the robot's own sensors give: the one definition the reward robot
 * learns from and the host's agents are scored and trained with. Q15 integers (1.0 = 32768), integer-only, so the
 * firmware can compute it on the tick path.
 *
 * <p>{@link #BUMP_PUNISHMENT} if the bump switch closed during the period, or if it is closed and the action was
 * forward (pushing on); otherwise {@link #FORWARD_REWARD} if the action was forward, less {@link #CONTACT_TOLL} while
 * the switch is closed (turning in contact), plus the change in clearance (the nearest distance reading, a fraction
 * of full scale) and, on a robot with light sensors, in mean light, each change clamped to ±{@link #CHANGE_LIMIT}.
 */
public final class DriveReward {

    /** Reward of a bump, Q15: -2, the largest surprise, consolidated hardest. */
    public static final int BUMP_PUNISHMENT = -65536;
    /** Reward of a forward action without a bump, Q15: 0.5. */
    public static final int FORWARD_REWARD = 16384;
    /**
     * Cost of a period turning in contact, Q15: 0.1, so that a robot dithering left and right against a wall earns
     * less than one that turns free (decision 166); small beside a bump, so turning off a wall is still the way out.
     */
    public static final int CONTACT_TOLL = 3277;
    /** Bound on the clearance and light terms, Q15: 0.5. */
    public static final int CHANGE_LIMIT = 16384;
    /** One in Q15. */
    public static final int ONE = 32768;

    private DriveReward() {
    }

    /**
     * The reward of a period, Q15.
     *
     * @param collided          the bump switch closed during the period (a new contact)
     * @param touching          the bump switch is closed at the period's end
     * @param forward           the period's action was forward
     * @param clearanceChange   clearance at the period's end minus at its start, Q15 fractions of full scale
     * @param lightChange       mean light at the end minus at the start, Q15; 0 for a robot without light sensors
     */
    public static int of(boolean collided, boolean touching, boolean forward, int clearanceChange, int lightChange) {
        if (collided || touching && forward) {
            return BUMP_PUNISHMENT;
        }
        return (forward ? FORWARD_REWARD : 0) - (touching ? CONTACT_TOLL : 0) + limit(clearanceChange)
                + limit(lightChange);
    }

    /** {@code counts} as a Q15 fraction of {@code maxValue}, clamped to [0, 1]. */
    public static int fraction(int counts, int maxValue) {
        return (int) (Math.max(0, Math.min(counts, maxValue)) * (long) ONE / Math.max(maxValue, 1));
    }

    private static int limit(int change) {
        return Math.max(-CHANGE_LIMIT, Math.min(CHANGE_LIMIT, change));
    }
}
