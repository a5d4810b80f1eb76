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
 *
 * <p>An event-driven trace ({@link #eventDriven}) has the same equations, integrated at its events instead of every
 * tick: it is read as {@code x * decay^n} for the {@code n} ticks since it was last written, with {@code decay^n}
 * held in Q30 (so it rounds once per read instead of once per tick, and is closer to the exact exponential), and it
 * costs nothing while its neuron is silent. It suits large, sparsely firing input populations (the Song 2000
 * protocol's 1000 Poisson inputs).
 *
 * @param decay       multiplier per tick, exp(-dt/tau), in [0, 1] (1 = no decay: a spike counter)
 * @param increment   added (or set) per spike, real units
 * @param mode        pairing mode
 * @param eventDriven integrated at events rather than every tick; needs {@code 0 < decay < 1} and a horizon
 *                    ({@link #horizonTicks}) of at most {@link #MAX_HORIZON_TICKS}
 */
public record TraceSpec(double decay, double increment, Mode mode, boolean eventDriven) {

    /** Trace format: Q7.24 in an int, saturating. */
    public static final QFormat FORMAT = new QFormat("trace", 32, 24, Overflow.SATURATE);

    /** How a spike changes the trace. */
    public enum Mode { ADD, SET }

    /** The longest horizon of an event-driven trace: a time constant of about 48,000 ticks. */
    public static final int MAX_HORIZON_TICKS = 1 << 20;

    public TraceSpec {
        Fx.decayQ16(decay);
        if (eventDriven && !(decay > 0 && decay < 1 && horizonTicks(decay) <= MAX_HORIZON_TICKS)) {
            throw new IllegalArgumentException("an event-driven trace needs a decay in (0, 1) with a horizon of at"
                    + " most " + MAX_HORIZON_TICKS + " ticks, got decay " + decay);
        }
    }

    /** A trace clocked every tick. */
    public TraceSpec(double decay, double increment, Mode mode) {
        this(decay, increment, mode, false);
    }

    /**
     * Ticks after which {@code decay^n} is below {@code 2^-31}, so that an event-driven trace of any value in
     * {@link #FORMAT} reads 0 (rounded toward zero) from then on.
     */
    public static int horizonTicks(double decay) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(31 * Math.log(2) / -Math.log(decay)) + 1);
    }

    /** This trace, integrated at events instead of every tick. */
    public TraceSpec asEventDriven() {
        return new TraceSpec(decay, increment, mode, true);
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

    /**
     * The spec's text, part of a network's identity ({@code SnapshotCodec.fingerprint}): a clocked trace keeps the
     * text it had before event-driven traces existed, so snapshots of existing networks still load.
     */
    @Override
    public String toString() {
        return "TraceSpec[decay=" + decay + ", increment=" + increment + ", mode=" + mode
                + (eventDriven ? ", eventDriven=true]" : "]");
    }
}
