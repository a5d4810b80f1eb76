package dev.aplysia.device.model;

import dev.aplysia.device.fixed.GeometricIntervals;

/**
 * A seeded Poisson spike source: each input fires independently with probability {@code p = rate * dt} per tick, so
 * its inter-spike intervals are geometric (the discrete-time exponential) with mean {@code 1 / p} ticks and its rate
 * is {@code rateHz} in expectation. The core draws each interval when the previous spike fires
 * ({@link GeometricIntervals}), so the cost is per spike, not per input per tick.
 *
 * @param rateHz spikes per second of each input
 * @param dtMs   tick length, ms
 */
public record PoissonSpec(double rateHz, double dtMs) {

    public PoissonSpec {
        double p = rateHz * dtMs / 1000;
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a Poisson input of " + rateHz + " Hz at " + dtMs + " ms ticks fires"
                    + " with p = rate * dt = " + p + " per tick; p must lie in (0, 1)");
        }
        if (p < GeometricIntervals.MIN_PROBABILITY) {
            throw new IllegalArgumentException("a Poisson input of " + rateHz + " Hz at " + dtMs + " ms ticks fires"
                    + " with p = rate * dt = " + p + " per tick, below the " + GeometricIntervals.MIN_PROBABILITY
                    + " (2^-26) whose intervals the core can draw without clamping their tail");
        }
    }

    /** The spike probability per tick, {@code rate * dt}. */
    public double probability() {
        return rateHz * dtMs / 1000;
    }
}
