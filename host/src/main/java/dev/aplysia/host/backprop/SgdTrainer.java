package dev.aplysia.host.backprop;

import dev.aplysia.device.fixed.Prng;

/**
 * Plain stochastic gradient descent on an {@link Mlp}: batch size 1, cross-entropy loss, no momentum, no weight
 * decay.
 *
 * <p>The learning rate is {@code η_e = η₀ / (1 + decay · e)} where {@code e} counts the epochs completed by
 * {@link #trainEpochs}; online learning with {@link #learn} alone therefore runs at the constant {@code η₀}.
 */
public final class SgdTrainer {

    private final Mlp network;
    private final double initialRate;
    private final double decay;
    private int completedEpochs;

    /**
     * A trainer of {@code network}, starting at rate {@code learningRate}.
     *
     * @param network      the network trained in place
     * @param learningRate {@code η₀ > 0}, per sample
     * @param decay        {@code ≥ 0}, per completed epoch; 0 keeps the rate constant
     */
    public SgdTrainer(Mlp network, double learningRate, double decay) {
        if (!(learningRate > 0) || !(decay >= 0)) {
            throw new IllegalArgumentException("need learningRate > 0 and decay >= 0");
        }
        this.network = network;
        this.initialRate = learningRate;
        this.decay = decay;
    }

    /** The network being trained. */
    public Mlp network() {
        return network;
    }

    /** The rate the next step uses, {@code η₀ / (1 + decay · e)}. */
    public double learningRate() {
        return initialRate / (1 + decay * completedEpochs);
    }

    /**
     * One online step on one sample; allocates nothing.
     *
     * @param x     features, length {@link Mlp#inputs()}
     * @param label class, 0..{@link Mlp#outputs()}−1
     * @return the loss on this sample before the step, nats
     */
    public double learn(double[] x, int label) {
        return network.step(x, label, learningRate());
    }

    /**
     * {@code epochs} passes over all samples, each in a fresh Fisher–Yates shuffle drawn from one device
     * {@link Prng} seeded with {@code shuffleSeed}, so the whole run is reproducible from the two seeds.
     *
     * @param inputs one feature vector per sample
     * @param labels one class per sample
     */
    public void trainEpochs(double[][] inputs, int[] labels, int epochs, long shuffleSeed) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        Prng prng = new Prng(shuffleSeed);
        int[] order = identity(inputs.length);
        for (int e = 0; e < epochs; e++) {
            prng.shuffle(order);
            for (int i : order) {
                learn(inputs[i], labels[i]);
            }
            completedEpochs++;
        }
    }

    /** {@code 0, 1, …, n−1}. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

}
