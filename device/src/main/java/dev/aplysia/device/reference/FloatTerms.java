package dev.aplysia.device.reference;

import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.Term;
import java.util.List;

/** The terms of one target and one gate as real coefficients and factors: the twin of the core's compiled terms. */
final class FloatTerms {

    private final double[] coefficients;
    private final Factor[][] factors;

    FloatTerms(List<Term> terms) {
        coefficients = terms.stream().mapToDouble(Term::coefficient).toArray();
        factors = terms.stream().map(t -> t.factors().toArray(Factor[]::new)).toArray(Factor[][]::new);
    }

    int size() {
        return coefficients.length;
    }

    /** The exact sum of all terms for one synapse, in the target's real units. */
    double sum(FloatRuleEngine engine, int s, double preTrace, int preSpike, double postTrace, int postSpike) {
        double sum = 0;
        for (int t = 0; t < coefficients.length; t++) {
            double value = coefficients[t];
            for (Factor f : factors[t]) {
                value *= engine.factor(f, s, preTrace, preSpike, postTrace, postSpike);
            }
            sum += value;
        }
        return sum;
    }
}
