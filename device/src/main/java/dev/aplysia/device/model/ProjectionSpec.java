package dev.aplysia.device.model;

import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import java.util.Objects;

/**
 * A dense all-to-all projection from population {@code pre} to population {@code post}. Weights are in membrane units
 * (a presynaptic spike adds its weight to the postsynaptic current), held with {@code weightFraction} fraction bits
 * ({@link #weightFormat()}; {@link #WEIGHT} by default), bounded to {@code [wMin, wMax]}, and drawn uniformly from
 * {@code [initMin, initMax]} from the network's initialisation stream at build time.
 *
 * <p>By default a presynaptic spike adds its weight to the postsynaptic current for one tick. A projection that names
 * a {@code receptor} of the postsynaptic neuron ({@link ReceptorSpec}) adds its weights to that receptor's decaying
 * variable instead, which drives the membrane as a current or a conductance.
 *
 * <p>A coarse resolution is how a board holds many synapses in little memory: a weight takes only the bits its range
 * needs at that resolution ({@link #weightStorageBits()}), packed, and learning rounds every update to that step
 * (stochastically by default, so small updates still add up in expectation).
 *
 * @param receptor the postsynaptic receptor this projection feeds, or null for the one-tick current
 */
public record ProjectionSpec(String name, String pre, String post, double wMin, double wMax, double initMin,
                             double initMax, PlasticityRule rule, int weightFraction, String receptor) {

    /** Default weight format: Q1.14 in a short, saturating (range [-2, 2), step 6.1e-5). */
    public static final QFormat WEIGHT = new QFormat("weight", 16, 14, Overflow.SATURATE);

    public ProjectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(rule, "rule");
        if (weightFraction < 0 || weightFraction > WEIGHT.fraction()) {
            throw new IllegalArgumentException("projection " + name + ": weightFraction must be in 0.."
                    + WEIGHT.fraction() + ", got " + weightFraction);
        }
        double lo = WEIGHT.toReal(WEIGHT.minRaw());
        double hi = WEIGHT.toReal(WEIGHT.maxRaw());
        if (!(wMin >= lo && wMax <= hi && wMin <= wMax)) {
            throw new IllegalArgumentException("projection " + name + ": weight bounds [" + wMin + ", " + wMax
                    + "] must lie in [" + lo + ", " + hi + "]");
        }
        if (!(initMin >= wMin && initMax <= wMax && initMin <= initMax)) {
            throw new IllegalArgumentException("projection " + name + ": initial weights [" + initMin + ", "
                    + initMax + "] must lie within the bounds [" + wMin + ", " + wMax + "]");
        }
    }

    /** A projection into the one-tick current, at the default resolution, {@link #WEIGHT}. */
    public ProjectionSpec(String name, String pre, String post, double wMin, double wMax, double initMin,
                          double initMax, PlasticityRule rule) {
        this(name, pre, post, wMin, wMax, initMin, initMax, rule, WEIGHT.fraction());
    }

    /** A projection into the one-tick current with weights held at a step of {@code 2^-weightFraction}. */
    public ProjectionSpec(String name, String pre, String post, double wMin, double wMax, double initMin,
                          double initMax, PlasticityRule rule, int weightFraction) {
        this(name, pre, post, wMin, wMax, initMin, initMax, rule, weightFraction, null);
    }

    /** This projection with weights held at a step of {@code 2^-fraction}. */
    public ProjectionSpec withWeightFraction(int fraction) {
        return new ProjectionSpec(name, pre, post, wMin, wMax, initMin, initMax, rule, fraction, receptor);
    }

    /** This projection feeding the postsynaptic receptor named {@code name} (null: the one-tick current). */
    public ProjectionSpec withReceptor(String name) {
        return new ProjectionSpec(this.name, pre, post, wMin, wMax, initMin, initMax, rule, weightFraction, name);
    }

    /** True if this projection feeds a receptor rather than the one-tick current. */
    public boolean feedsReceptor() {
        return receptor != null;
    }

    /** The weights' format: {@code weightFraction} fraction bits in a short, saturating. */
    public QFormat weightFormat() {
        return weightFraction == WEIGHT.fraction() ? WEIGHT
                : new QFormat("weight", WEIGHT.bits(), weightFraction, Overflow.SATURATE);
    }

    /**
     * Bits a board stores per weight: enough for every step between the bounds (each rounded to the nearest step),
     * rounded up to a power of two (1, 2, 4, 8 or 16) so that weights pack into bytes without straddling them.
     */
    public int weightStorageBits() {
        QFormat format = weightFormat();
        long levels = format.toRaw(wMax) - format.toRaw(wMin) + 1;
        int bits = 64 - Long.numberOfLeadingZeros(levels - 1);
        int container = 1;
        while (container < bits) {
            container <<= 1;
        }
        return container;
    }

    /** A projection whose weights all start at {@code init}. */
    public static ProjectionSpec constant(String name, String pre, String post, double wMin, double wMax,
                                          double init, PlasticityRule rule) {
        return new ProjectionSpec(name, pre, post, wMin, wMax, init, init, rule);
    }

    /**
     * The spec's text, part of a network's identity ({@code SnapshotCodec.fingerprint}). A component added after the
     * first release appears only when it is not at its default, so networks that do not use it keep their text and
     * their snapshots still load (decision 45).
     */
    @Override
    public String toString() {
        return "ProjectionSpec[name=" + name + ", pre=" + pre + ", post=" + post + ", wMin=" + wMin + ", wMax=" + wMax
                + ", initMin=" + initMin + ", initMax=" + initMax + ", rule=" + rule + ", weightFraction="
                + weightFraction + (feedsReceptor() ? ", receptor=" + receptor : "") + "]";
    }
}
