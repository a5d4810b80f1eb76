package dev.aplysia.device.model;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.Overflow;
import dev.aplysia.device.fixed.QFormat;

/**
 * A spike trace kept per neuron: {@code x = leak(x, decay)} every tick, then on a spike {@code x += increment}
 * ({@link Mode#ADD}, all-to-all pairing) or {@code x = increment} ({@link Mode#SET}, nearest-spike pairing).
 * Stored in {@link #FORMAT}. The leak rounds toward zero, like every leak in the core: a leaking trace loses at least
 * one step per tick, so it never stalls above zero, and with 24 fraction bits the rounding loses less than
 * {@code 6e-8 / (1 - decay)} in total (6e-5 for a time constant of 1000 ticks).
 *
 * @param decay     multiplier per tick, exp(-dt/tau), in [0, 1] (1 = no decay: a spike counter)
 * @param increment added (or set) per spike, real units
 * @param mode      pairing mode
 */
public record TraceSpec(double decay, double increment, Mode mode) {

    /** Trace format: Q7.24 in an int, saturating. */
    public static final QFormat FORMAT = new QFormat("trace", 32, 24, Overflow.SATURATE);

    /** How a spike changes the trace. */
    public enum Mode { ADD, SET }

    public TraceSpec {
        Fx.decayQ16(decay);
    }

    /** An exponential trace with time constant {@code tauMs} at tick {@code dtMs}, incremented by 1 per spike. */
    public static TraceSpec exponential(double tauMs, double dtMs) {
        return new TraceSpec(Math.exp(-dtMs / tauMs), 1.0, Mode.ADD);
    }

    /** A trace that does not decay and counts spikes in steps of {@code increment} (reset between samples). */
    public static TraceSpec counter(double increment) {
        return new TraceSpec(1.0, increment, Mode.ADD);
    }

    /** A trace that becomes {@code 1} on the first spike and stays (reset between samples): "has fired". */
    public static TraceSpec latch() {
        return new TraceSpec(1.0, 1.0, Mode.SET);
    }
}
