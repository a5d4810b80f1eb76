package dev.aplysia.host.baseline;

import dev.aplysia.device.fixed.Prng;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.Softmax;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression: logits {@code z = W x + b}, class probabilities {@code softmax(z)}, trained by
 * mini-batch gradient descent on the mean cross-entropy, from all-zero parameters.
 *
 * <p>A batch's step is {@code θ ← θ − (η / n) Σ ∂loss/∂θ} over its {@code n} samples (the last batch of an epoch may
 * be shorter), with {@code ∂loss/∂W = (p − onehot(label)) xᵀ} and {@code ∂loss/∂b = p − onehot(label)}. Each epoch
 * visits the samples in a fresh Fisher–Yates shuffle from one device {@link Prng}, so training is reproducible from
 * its seed. Not thread-safe.
 */
public final class SoftmaxRegression {

    private final int features;
    private final int classes;
    private final double learningRate;
    private final int batchSize;
    /** Row {@code k} is class {@code k}'s {@code features} weights followed by its bias. */
    private final double[] params;
    private final double[] gradient;
    private final double[] probability;

    /**
     * A model with all parameters zero.
     *
     * @param features     input features ≥ 1
     * @param classes      classes ≥ 2
     * @param learningRate {@code η > 0}, per batch, applied to the batch-mean gradient
     * @param batchSize    samples per step ≥ 1
     */
    public SoftmaxRegression(int features, int classes, double learningRate, int batchSize) {
        if (features < 1 || classes < 2 || !(learningRate > 0) || batchSize < 1) {
            throw new IllegalArgumentException("need features >= 1, classes >= 2, learningRate > 0, batchSize >= 1");
        }
        this.features = features;
        this.classes = classes;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.params = new double[classes * (features + 1)];
        this.gradient = new double[params.length];
        this.probability = new double[classes];
    }

    /**
     * {@code epochs} shuffled passes over all samples.
     *
     * @param inputs one feature vector per sample, each of length {@code features}
     * @param labels one class per sample, 0..{@code classes − 1}
     */
    public void trainEpochs(double[][] inputs, int[] labels, int epochs, long shuffleSeed) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        Prng prng = new Prng(shuffleSeed);
        int[] order = IntStream.range(0, inputs.length).toArray();
        for (int e = 0; e < epochs; e++) {
            prng.shuffle(order);
            for (int from = 0; from < order.length; from += batchSize) {
                step(inputs, labels, order, from, Math.min(order.length, from + batchSize));
            }
        }
    }

    /** The class with the largest logit for {@code x} (length {@code features}); ties go to the lower class. */
    public int predict(double[] x) {
        logits(x);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probability[k] > probability[best]) {
                best = k;
            }
        }
        return best;
    }

    /** {@code classes · (features + 1)}. */
    public int parameterCount() {
        return params.length;
    }

    /** The parameters as float32, the width a board would store: {@code 4 · classes · (features + 1)} bytes. */
    public long stateBytes() {
        return (long) Mlp.FLOAT32_BYTES * params.length;
    }

    /** One descent step on the batch {@code order[from..to)}. */
    private void step(double[][] inputs, int[] labels, int[] order, int from, int to) {
        Arrays.fill(gradient, 0);
        for (int i = from; i < to; i++) {
            accumulate(inputs[order[i]], Objects.checkIndex(labels[order[i]], classes));
        }
        double scale = learningRate / (to - from);
        for (int p = 0; p < params.length; p++) {
            params[p] -= scale * gradient[p];
        }
    }

    /** Adds one sample's cross-entropy gradient to {@code gradient}. */
    private void accumulate(double[] x, int label) {
        logits(x);
        Softmax.inPlace(probability);
        for (int k = 0; k < classes; k++) {
            double delta = probability[k] - (k == label ? 1 : 0);
            int row = k * (features + 1);
            for (int f = 0; f < features; f++) {
                gradient[row + f] += delta * x[f];
            }
            gradient[row + features] += delta;
        }
    }

    /** Writes the logits of {@code x} into {@code probability}. */
    private void logits(double[] x) {
        if (x.length != features) {
            throw new IllegalArgumentException("input has " + x.length + " features, model takes " + features);
        }
        for (int k = 0; k < classes; k++) {
            int row = k * (features + 1);
            double sum = params[row + features];
            for (int f = 0; f < features; f++) {
                sum += params[row + f] * x[f];
            }
            probability[k] = sum;
        }
    }
}
