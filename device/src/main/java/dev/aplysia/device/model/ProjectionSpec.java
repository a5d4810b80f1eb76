package dev.aplysia.device.model;

import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import java.util.Objects;

/**
 * A dense all-to-all projection from population {@code pre} to population {@code post}. Weights are in membrane units
 * (a presynaptic spike adds its weight to the postsynaptic current), stored in {@link #WEIGHT}, bounded to
 * {@code [wMin, wMax]}, and drawn uniformly from {@code [initMin, initMax]} by the network's PRNG at build time.
 */
public record ProjectionSpec(String name, String pre, String post, double wMin, double wMax, double initMin,
                             double initMax, PlasticityRule rule) {

    /** Weight format: Q1.14 in a short, saturating (range [-2, 2), step 6.1e-5). */
    public static final QFormat WEIGHT = new QFormat("weight", 16, 14, Overflow.SATURATE);

    public ProjectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(rule, "rule");
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

    /** A projection whose weights all start at {@code init}. */
    public static ProjectionSpec constant(String name, String pre, String post, double wMin, double wMax,
                                          double init, PlasticityRule rule) {
        return new ProjectionSpec(name, pre, post, wMin, wMax, init, init, rule);
    }
}
