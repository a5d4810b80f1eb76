package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * Online nearest class mean: per class, the running sum of its samples' pixels and their count; classifies by the
 * class whose mean is nearest in Euclidean distance (ties to the lower class). Its state does not grow with the
 * budget: {@value #STATE_BYTES} bytes (a 32-bit sum per pixel and class, a 32-bit count per class).
 */
public final class NearestClassMean implements DigitLearner {

    /** Bytes of state: 10 x 64 sums and 10 counts, 32 bits each. */
    public static final int STATE_BYTES = (DigitSet.CLASSES * DigitSet.PIXELS + DigitSet.CLASSES) * Integer.BYTES;

    private final long[][] sums = new long[DigitSet.CLASSES][DigitSet.PIXELS];
    private final long[] counts = new long[DigitSet.CLASSES];

    @Override
    public String name() {
        return "nearest-class-mean";
    }

    @Override
    public void learn(DigitSet set, int row, boolean flagged) {
        int label = set.label(row);
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            sums[label][p] += set.pixel(row, p);
        }
        counts[label]++;
    }

    /** Compares {@code count² · d²} exactly in integers: {@code Σ (count · x − sum)²} divided by {@code count²}. */
    @Override
    public int classify(DigitSet set, int row) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < DigitSet.CLASSES; k++) {
            if (counts[k] == 0) {
                continue;
            }
            long scaled = 0;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                long d = counts[k] * set.pixel(row, p) - sums[k][p];
                scaled += d * d;
            }
            double distance = scaled / ((double) counts[k] * counts[k]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    @Override
    public long stateBytes() {
        return STATE_BYTES;
    }
}
