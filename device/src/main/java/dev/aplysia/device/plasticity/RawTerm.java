package dev.aplysia.device.plasticity;

import dev.aplysia.device.model.Factor;
import java.util.List;

/**
 * One compiled term as the engine evaluates it: the coefficient raw at its target's precision plus
 * {@link RuleEngine#EXTRA_BITS}, and the factors it multiplies, in order, each as a Q15 value rounded to nearest
 * after each product.
 *
 * @param coefficient the raw coefficient
 * @param factors     the factors, in the order they are multiplied
 */
public record RawTerm(long coefficient, List<Factor> factors) {

    public RawTerm {
        factors = List.copyOf(factors);
    }
}
