package dev.aplysia.device.plasticity;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.model.Factor;
import dev.aplysia.device.model.Term;
import java.util.List;

/** The terms of one target and one gate, as raw coefficients and factor codes, ready to evaluate without allocating. */
final class CompiledTerms {

    private final long[] coefficients;
    private final Factor[][] factors;

    CompiledTerms(List<Term> terms, int fraction) {
        coefficients = new long[terms.size()];
        factors = new Factor[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            coefficients[t] = Fx.toFixed(terms.get(t).coefficient(), fraction);
            factors[t] = terms.get(t).factors().toArray(new Factor[0]);
        }
    }

    /** The terms as raw coefficients and factors, in evaluation order. */
    List<RawTerm> raw() {
        List<RawTerm> terms = new java.util.ArrayList<>();
        for (int t = 0; t < coefficients.length; t++) {
            terms.add(new RawTerm(coefficients[t], List.of(factors[t])));
        }
        return terms;
    }

    int size() {
        return coefficients.length;
    }

    /** The sum of all terms for one synapse, in the target's units with 16 extra fraction bits. */
    long sum(RuleEngine engine, int s, int preTrace, int preSpike, int postTrace, int postSpike) {
        long sum = 0;
        for (int t = 0; t < coefficients.length; t++) {
            long value = coefficients[t];
            Factor[] f = factors[t];
            for (int k = 0; k < f.length && value != 0; k++) {
                value = Fx.mulQ15(value, engine.factor(f[k], s, preTrace, preSpike, postTrace, postSpike));
            }
            sum += value;
        }
        return sum;
    }
}
