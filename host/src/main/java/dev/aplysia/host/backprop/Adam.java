package dev.aplysia.host.backprop;

/**
 * The Adam optimiser (Kingma and Ba 2015) on an {@link Mlp}'s parameters, with the bias correction folded into the
 * step size as in the paper's section 2: at update {@code t = 1, 2, …}, {@code m ← β₁m + (1−β₁)g},
 * {@code v ← β₂v + (1−β₂)g²}, {@code θ ← θ − η_t · m / (√v + ε)} with {@code η_t = η · √(1−β₂ᵗ) / (1−β₁ᵗ)}.
 *
 * <p>The moment estimates and the step buffer are allocated at construction; {@link #descend} allocates nothing.
 * Not thread-safe.
 */
public final class Adam {

    /** Decay of the first moment, Adam's default. */
    public static final double BETA1 = 0.9;
    /** Decay of the second moment, Adam's default. */
    public static final double BETA2 = 0.999;
    /** Added to the root of the second moment so no step divides by zero, Adam's default. */
    public static final double EPSILON = 1e-8;
    /**
     * Arithmetic operations per parameter per update: two multiply-adds for {@code m}, three for {@code v} (one of
     * them {@code g²}), the root, the divide, the step size's multiply and the move of {@code θ}.
     */
    public static final int OPERATIONS_PER_PARAMETER = 9;

    private final Mlp network;
    private final double learningRate;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private final double[] change;
    private long updates;

    /**
     * An optimiser of {@code network} with moments at zero.
     *
     * @param learningRate {@code η > 0}
     */
    public Adam(Mlp network, double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("need learningRate > 0, not " + learningRate);
        }
        this.network = network;
        this.learningRate = learningRate;
        this.firstMoment = new double[network.parameterCount()];
        this.secondMoment = new double[network.parameterCount()];
        this.change = new double[network.parameterCount()];
    }

    /** Updates so far, {@code t}. */
    public long updates() {
        return updates;
    }

    /**
     * One update from {@code gradient} ({@code ∂loss/∂θ}, length {@code P}, {@link Mlp#parameters()} layout), which
     * is left unchanged.
     */
    public void descend(double[] gradient) {
        updates++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(BETA2, updates)) / (1 - Math.pow(BETA1, updates));
        for (int p = 0; p < change.length; p++) {
            double g = gradient[p];
            firstMoment[p] = BETA1 * firstMoment[p] + (1 - BETA1) * g;
            secondMoment[p] = BETA2 * secondMoment[p] + (1 - BETA2) * g * g;
            change[p] = -stepSize * firstMoment[p] / (Math.sqrt(secondMoment[p]) + EPSILON);
        }
        network.adjust(change);
    }

    /** Bytes of the optimiser's state as float32, the two moments: {@code 4 · 2P}. */
    public long stateBytes() {
        return 2L * Mlp.FLOAT32_BYTES * network.parameterCount();
    }

    /** Operations of one {@link #descend}: {@link #OPERATIONS_PER_PARAMETER} per parameter. */
    public long opsPerUpdate() {
        return (long) OPERATIONS_PER_PARAMETER * network.parameterCount();
    }
}
