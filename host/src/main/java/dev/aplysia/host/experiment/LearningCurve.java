package dev.aplysia.host.experiment;

import dev.aplysia.device.fixed.Prng;

/** What both learners share in a learning-curve experiment: the checkpoints and the presentation order. */
public final class LearningCurve {

    /** Training samples after which the test set is scored; the end of the pass is always scored too. */
    static final int[] CHECKPOINTS = {10, 20, 50, 100, 200, 500, 1000};

    /** Salt separating the presentation order's PRNG stream from the network's. */
    private static final long ORDER_SALT = 0x6F72646572L;

    private LearningCurve() {
    }

    /** One point of a learning curve: test accuracy after {@code samples} training samples. */
    public record Point(int samples, double accuracy) {
    }

    /** True if the test set is scored after {@code samples} of a pass of {@code total} samples. */
    public static boolean isCheckpoint(int samples, int total) {
        if (samples == total) {
            return true;
        }
        for (int c : CHECKPOINTS) {
            if (c == samples) {
                return true;
            }
        }
        return false;
    }

    /**
     * The presentation order of a pass: a Fisher-Yates shuffle of {@code 0..n-1} from the device PRNG, reproducible
     * from the seed on any JVM; both learners see the samples in this order.
     */
    public static int[] shuffledOrder(int n, long seed) {
        Prng prng = new Prng(seed ^ ORDER_SALT);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        prng.shuffle(order);
        return order;
    }
}
