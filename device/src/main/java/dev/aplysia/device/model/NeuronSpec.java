package dev.aplysia.device.model;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A leaky integrate-and-fire neuron with an adaptive threshold and an intrinsic excitability (bias), in real units
 * of the membrane; the fixed-point core quantises every value into {@link #membrane}.
 *
 * <p>Per tick, for a neuron that is not refractory (input {@code I} is the summed one-tick synaptic and injected
 * current):
 * <pre>
 *   v      = rest + leak(v - rest, decay)            leak: x * decayQ16 >> 16, toward zero
 *   v      = fit(v + dv_r), for each receptor r      in declaration order ({@link ReceptorSpec})
 *   v      = fit(v + I + bias)                       bias while learning
 *   spike  = v >= threshold + adapt                  (a winner-take-all population may veto)
 *   spike: v = reset; refractory = refractoryTicks; adapt += thresholdIncrement;
 *          bias = max(0, bias - biasDecrement)
 *   always: adapt = leak(adapt, thresholdDecay)
 * </pre>
 * A refractory neuron holds {@code v = reset}, ignores input and counts its refractory ticks down.
 * {@code adapt} is homeostasis (a neuron that fires often becomes harder to fire); {@code bias} is intrinsic
 * excitability that lets an unused neuron win a competition and is spent as the neuron starts to fire; it is part of
 * the learning machinery (novelty-driven recruitment), so it drives the neuron only while the network is learning.
 * The membrane leaks toward {@code rest} (0 by default, where the leak is the plain {@code leak(v)}); a neuron starts,
 * and is reset between samples, at {@code reset}.
 *
 * @param membrane           format of v, threshold, adapt and bias (signed, saturating)
 * @param decay              membrane multiplier per tick, exp(-dt/tau_m), in [0, 1] (1 = no leak)
 * @param threshold          firing threshold
 * @param reset              value after a spike
 * @param refractoryTicks    ticks without integration after a spike, 0..32767
 * @param thresholdIncrement adaptive threshold added per spike (0 = no homeostasis)
 * @param thresholdDecay     adaptive-threshold multiplier per tick, in [0, 1]
 * @param bias               initial intrinsic excitability current per tick, >= 0
 * @param biasDecrement      excitability spent per spike, >= 0
 * @param rest               resting potential the membrane leaks toward, within the membrane's range
 * @param receptors          decaying synaptic variables, by unique name (empty: input is the one-tick current only)
 */
public record NeuronSpec(QFormat membrane, double decay, double threshold, double reset, int refractoryTicks,
                         double thresholdIncrement, double thresholdDecay, double bias, double biasDecrement,
                         double rest, List<ReceptorSpec> receptors) {

    /** The default membrane format: Q9.14 in 24 bits, saturating (weights in Q1.14 add to it directly). */
    public static final QFormat MEMBRANE = new QFormat("membrane", 24, 14, Overflow.SATURATE);

    public NeuronSpec {
        Fx.decayQ16(decay);
        Fx.decayQ16(thresholdDecay);
        if (refractoryTicks < 0 || refractoryTicks > Short.MAX_VALUE) {
            throw new IllegalArgumentException("refractoryTicks must be in 0..32767, got " + refractoryTicks);
        }
        if (bias < 0 || biasDecrement < 0 || thresholdIncrement < 0) {
            throw new IllegalArgumentException("bias, biasDecrement and thresholdIncrement must be >= 0");
        }
        requireInRange(membrane, "rest", rest);
        receptors = List.copyOf(receptors);
        Set<String> names = new HashSet<>();
        for (ReceptorSpec r : receptors) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate receptor name " + r.name());
            }
            requireInRange(membrane, "receptor " + r.name() + "'s reversal potential", r.reversal());
        }
    }

    /** A neuron at rest 0 without receptors: its input is the one-tick current only. */
    public NeuronSpec(QFormat membrane, double decay, double threshold, double reset, int refractoryTicks,
                      double thresholdIncrement, double thresholdDecay, double bias, double biasDecrement) {
        this(membrane, decay, threshold, reset, refractoryTicks, thresholdIncrement, thresholdDecay, bias,
                biasDecrement, 0, List.of());
    }

    private static void requireInRange(QFormat membrane, String what, double real) {
        long raw = Fx.toFixed(real, membrane.fraction());
        if (!(raw >= membrane.minRaw() && raw <= membrane.maxRaw())) {
            throw new IllegalArgumentException(what + " " + real + " lies outside the membrane's range ("
                    + membrane + ")");
        }
    }

    /** A plain LIF neuron: no homeostasis, no bias, membrane {@link #MEMBRANE}. */
    public static NeuronSpec lif(double decay, double threshold, double reset, int refractoryTicks) {
        return new NeuronSpec(MEMBRANE, decay, threshold, reset, refractoryTicks, 0, 1, 0, 0);
    }

    /** The leak factor for a membrane time constant {@code tauMs} at tick length {@code dtMs}. */
    public static double decayFor(double tauMs, double dtMs) {
        return Math.exp(-dtMs / tauMs);
    }

    /** This neuron with an adaptive threshold. */
    public NeuronSpec withAdaptiveThreshold(double increment, double decayPerTick) {
        return new NeuronSpec(membrane, decay, threshold, reset, refractoryTicks, increment, decayPerTick, bias,
                biasDecrement, rest, receptors);
    }

    /** This neuron with an intrinsic excitability that is spent as it fires. */
    public NeuronSpec withExcitability(double initialBias, double decrementPerSpike) {
        return new NeuronSpec(membrane, decay, threshold, reset, refractoryTicks, thresholdIncrement, thresholdDecay,
                initialBias, decrementPerSpike, rest, receptors);
    }

    /** This neuron with another membrane format. */
    public NeuronSpec withMembrane(QFormat format) {
        return new NeuronSpec(format, decay, threshold, reset, refractoryTicks, thresholdIncrement, thresholdDecay,
                bias, biasDecrement, rest, receptors);
    }

    /** This neuron leaking toward {@code restingPotential} instead of 0. */
    public NeuronSpec withRest(double restingPotential) {
        return new NeuronSpec(membrane, decay, threshold, reset, refractoryTicks, thresholdIncrement, thresholdDecay,
                bias, biasDecrement, restingPotential, receptors);
    }

    /** This neuron with one more receptor, after those it has. */
    public NeuronSpec withReceptor(ReceptorSpec receptor) {
        List<ReceptorSpec> more = new ArrayList<>(receptors);
        more.add(receptor);
        return new NeuronSpec(membrane, decay, threshold, reset, refractoryTicks, thresholdIncrement, thresholdDecay,
                bias, biasDecrement, rest, more);
    }

    /** The index of the receptor named {@code name}, or -1 when this neuron has none of that name. */
    public int receptorIndex(String name) {
        for (int r = 0; r < receptors.size(); r++) {
            if (receptors.get(r).name().equals(name)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * The spec's text, part of a network's identity ({@code SnapshotCodec.fingerprint}). A component added after the
     * first release appears only when it is not at its default, so networks that do not use it keep their text and
     * their snapshots still load (decision 45).
     */
    @Override
    public String toString() {
        return "NeuronSpec[membrane=" + membrane + ", decay=" + decay + ", threshold=" + threshold + ", reset=" + reset
                + ", refractoryTicks=" + refractoryTicks + ", thresholdIncrement=" + thresholdIncrement
                + ", thresholdDecay=" + thresholdDecay + ", bias=" + bias + ", biasDecrement=" + biasDecrement
                + (rest == 0 ? "" : ", rest=" + rest) + (receptors.isEmpty() ? "" : ", receptors=" + receptors) + "]";
    }
}
