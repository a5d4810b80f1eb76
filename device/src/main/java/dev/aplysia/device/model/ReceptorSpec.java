package dev.aplysia.device.model;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;
import java.util.Objects;

/**
 * An exponentially decaying synaptic variable of a neuron (a "receptor"), fed by the projections that name it
 * ({@link ProjectionSpec#receptor()}). Per tick, before the neuron integrates:
 * <pre>
 *   g  = leak(g, decay) + sum of the weights of this tick's presynaptic spikes        weight units, {@link #G}
 *   current:      dv = gain * g                                                     membrane units
 *   conductance:  dv = k * (reversal - v),   k = clamp(gain * g, 0, 1)              k in {@link #GAIN}
 * </pre>
 * A conductance moves the membrane the fraction {@code k} of the way to its reversal potential, so it never pushes
 * {@code v} past it; a negative conductance (from negative weights) drives nothing. The leak rounds toward zero like
 * every leak in the core. With weights in units of a maximal conductance {@code gmax}, the gain of a
 * conductance-based receptor is {@code dt / tau_m * gmax}: the fraction of the driving force one weight unit closes
 * per tick.
 *
 * @param name     unique among the neuron's receptors; projections name it
 * @param kind     how {@code g} drives the membrane
 * @param decay    multiplier of {@code g} per tick, {@code exp(-dt / tau)}, in [0, 1]
 * @param gain     membrane units (current) or fraction of the driving force (conductance) per weight unit per tick,
 *                 in {@code [0, 2)} ({@link #GAIN})
 * @param reversal reversal potential, membrane units (ignored by a current-based receptor; 0 there)
 */
public record ReceptorSpec(String name, Kind kind, double decay, double gain, double reversal) {

    /** The synaptic variable {@code g}: Q15.16 in an int (weight units, step 1.5e-5), saturating. */
    public static final QFormat G = new QFormat("receptor g", 32, 16, Overflow.SATURATE);
    /** The gain, and a conductance's fraction {@code k} of the driving force: Q1.30 in an int, saturating. */
    public static final QFormat GAIN = new QFormat("receptor gain", 32, 30, Overflow.SATURATE);

    /** How a receptor's variable drives the membrane. */
    public enum Kind {
        /** {@code dv = gain * g}: a current, whatever the membrane potential. */
        CURRENT,
        /** {@code dv = k (reversal - v)}: a conductance with a driving force. */
        CONDUCTANCE
    }

    public ReceptorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Fx.decayQ16(decay);
        if (!(gain >= 0 && gain <= GAIN.toReal(GAIN.maxRaw()))) {
            throw new IllegalArgumentException("receptor " + name + ": gain must be in [0, 2) (" + GAIN + "), got "
                    + gain);
        }
        if (!Double.isFinite(reversal) || (kind == Kind.CURRENT && reversal != 0)) {
            throw new IllegalArgumentException("receptor " + name + ": the reversal potential must be finite, and 0"
                    + " for a current-based receptor, got " + reversal);
        }
    }

    /** A current-based receptor with time constant {@code tauMs} at tick {@code dtMs}: {@code dv = gain * g}. */
    public static ReceptorSpec current(String name, double tauMs, double dtMs, double gain) {
        return new ReceptorSpec(name, Kind.CURRENT, Math.exp(-dtMs / tauMs), gain, 0);
    }

    /**
     * A conductance-based receptor with time constant {@code tauMs} at tick {@code dtMs}:
     * {@code dv = clamp(gain * g, 0, 1) (reversal - v)}.
     */
    public static ReceptorSpec conductance(String name, double tauMs, double dtMs, double gain, double reversal) {
        return new ReceptorSpec(name, Kind.CONDUCTANCE, Math.exp(-dtMs / tauMs), gain, reversal);
    }

    /** True for a conductance-based receptor. */
    public boolean isConductance() {
        return kind == Kind.CONDUCTANCE;
    }
}
