package dev.aplysia.host.backprop;

/** The softmax of a vector of logits, computed in place and shifted by the largest logit so no exponent overflows. */
public final class Softmax {

    private Softmax() {
    }

    /** Turns the logits in {@code values} into probabilities in place; returns {@code ln Σ exp(logit)}. */
    public static double inPlace(double[] values) {
        double max = values[0];
        for (int k = 1; k < values.length; k++) {
            max = Math.max(max, values[k]);
        }
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.exp(values[k] - max);
            sum += values[k];
        }
        for (int k = 0; k < values.length; k++) {
            values[k] /= sum;
        }
        return max + Math.log(sum);
    }
}
