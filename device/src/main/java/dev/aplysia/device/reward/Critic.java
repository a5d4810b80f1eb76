package dev.aplysia.device.reward;

/**
 * A linear critic over the robot's input features, learned by temporal differences: the state-dependent reward
 * prediction of the three-factor rule. The broadcast signal is the TD error
 * <pre>
 *   delta = r + gamma * V(s') - V(s),        V(s) = sum_j v_j * x_j / X
 *   v_j  += alpha * delta * x_j / (X * n)    for the features x of s, n of them active
 * </pre>
 * where {@code X} is the full-scale feature {@link RangeCode#ACTIVE}. A place that ends badly (pushing on a wall)
 * comes to be predicted, so only an action that does better than the place promised is reinforced: the global
 * reward baseline could not tell a bad place from a bad action (decision 139). Q15 values; integer-only; nothing
 * allocated after construction.
 */
final class Critic {

    /** Discount per decision, Q15: 0.9, a horizon of about a second of driving. */
    static final int GAMMA = 29491;
    /** Learning rate's shift: alpha = 1/4. */
    static final int ALPHA_SHIFT = 2;
    /** Bound on a value, Q15: ±8, beyond any sum of discounted rewards the robot can get. */
    static final int VALUE_LIMIT = 8 * DriveReward.ONE;

    private final int[] values;
    private final int[] previous;
    private boolean hasPrevious;

    Critic(int features) {
        this.values = new int[features];
        this.previous = new int[features];
    }

    /** The prediction for {@code features}, Q15. */
    int value(int[] features) {
        long sum = 0;
        for (int j = 0; j < values.length; j++) {
            sum += (long) values[j] * features[j];
        }
        return clamp(sum / RangeCode.ACTIVE);
    }

    /**
     * The TD error of the step from the state last {@linkplain #observe observed} to {@code features} with
     * {@code reward} (Q15), and the critic's step on the previous state; 0 before any previous state.
     */
    int delta(int reward, int[] features) {
        if (!hasPrevious) {
            return 0;
        }
        long next = (long) GAMMA * value(features) >> 15;
        int delta = clamp(reward + next - value(previous));
        int active = 0;
        for (int x : previous) {
            active += x > 0 ? 1 : 0;
        }
        for (int j = 0; j < previous.length; j++) {
            long step = (long) delta * previous[j] / ((long) RangeCode.ACTIVE * Math.max(1, active));
            values[j] = clamp(values[j] + (step >> ALPHA_SHIFT));
        }
        return delta;
    }

    /** Remembers {@code features} as the state the next action starts from. */
    void observe(int[] features) {
        System.arraycopy(features, 0, previous, 0, previous.length);
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
