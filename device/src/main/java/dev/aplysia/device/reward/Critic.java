package dev.aplysia.device.reward;

/**
 * A linear critic over the robot's sensor features, learned by temporal differences: the state-dependent reward
 * prediction of the three-factor rule. The broadcast signal is the TD error
 * <pre>
 *   delta = r + gamma * V(s') - V(s),        V(s) = sum_j v_j * x_j / X
 *   v_j  += alpha * delta * x_j / (X * n)    for the features x of s, n of them active
 * </pre>
 * where {@code X} is the full-scale feature {@link RangeCode#ACTIVE}. A place that ends badly (pushing on a wall)
 * comes to be predicted, so only an action that does better than the place promised is reinforced: the global
 * reward baseline could not tell a bad place from a bad action (decision 139).
 *
 * <p>The values {@code v_j} are the weights of a projection onto a value cell ({@link RewardWiring#VALUE}), held in
 * its weight format (Q1.14, [-2, 2) per feature), so a snapshot keeps them with the rest of what was learned and
 * {@code load-weights} could set them; the critic reads and writes that array in place. Rewards and errors are Q15.
 * Integer-only; nothing allocated after construction.
 */
final class Critic {

    /** Discount per decision, Q15: 0.9, a horizon of about a second of driving. */
    static final int GAMMA = 29491;
    /** Learning rate's shift: alpha = 1/4. */
    static final int ALPHA_SHIFT = 2;
    /** Bound on a prediction or error, Q15: ±8, beyond any sum of discounted rewards the robot can get. */
    static final int VALUE_LIMIT = 8 * DriveReward.ONE;
    /** Bits from a Q15 reward to a Q1.14 value. */
    private static final int Q14_SHIFT = 1;

    private final short[] values;
    private final int features;
    private final int[] previous;
    private boolean hasPrevious;

    /** A critic whose values are the first {@code features} entries of {@code values} (Q1.14), used in place. */
    Critic(short[] values, int features) {
        if (features > values.length) {
            throw new IllegalArgumentException(features + " features, " + values.length + " values");
        }
        this.values = values;
        this.features = features;
        this.previous = new int[features];
    }

    /** The prediction for {@code state} (its first features), Q15. */
    int value(int[] state) {
        long sum = 0;
        for (int j = 0; j < features; j++) {
            sum += (long) values[j] * state[j];
        }
        return clamp((sum << Q14_SHIFT) / RangeCode.ACTIVE);
    }

    /**
     * The TD error of the step from the state last {@linkplain #observe observed} to {@code state} with
     * {@code reward} (Q15), and the critic's step on the previous state; 0 before any previous state.
     */
    int delta(int reward, int[] state) {
        if (!hasPrevious) {
            return 0;
        }
        long next = (long) GAMMA * value(state) >> 15;
        int delta = clamp(reward + next - value(previous));
        int active = 0;
        for (int x : previous) {
            active += x > 0 ? 1 : 0;
        }
        for (int j = 0; j < features; j++) {
            long step = (long) delta * previous[j] / ((long) RangeCode.ACTIVE * Math.max(1, active));
            long moved = values[j] + (step >> (ALPHA_SHIFT + Q14_SHIFT));
            values[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, moved));
        }
        return delta;
    }

    /** Remembers {@code state} (its first features) as the state the next action starts from. */
    void observe(int[] state) {
        System.arraycopy(state, 0, previous, 0, features);
        hasPrevious = true;
    }

    /** Forgets the previous state: the next step has no TD error (the robot did not act). */
    void forget() {
        hasPrevious = false;
    }

    private static int clamp(long value) {
        return (int) Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, value));
    }
}
