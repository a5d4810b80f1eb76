package dev.aplysia.device.encode;

import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.fixed.CounterRandom;

/**
 * Turns a vector of non-negative integer intensities (pixel values, sensor counts) into deterministic rate-coded
 * spike trains. Intensities are divisively normalised to a fixed L2 norm of firing rates, so bright and faint
 * inputs of the same shape drive the network alike (gain control, as in a retina):
 * <pre>
 *   rate_i = min(maxRate, normRate * x_i / ||x||_2)      spikes per tick, Q0.16 (65536 = one spike every tick)
 *   acc_i  = phase_i (uniform, drawn at load); every tick acc_i += rate_i; spike and subtract 1 when acc_i >= 1
 * </pre>
 * Spike counts over {@code T} ticks are within one spike of {@code rate_i * T}; only the phases are random, so runs
 * are reproducible from the seed. Integer-only: one square root and one division per channel per sample.
 */
public final class RateEncoder {

    private final int channels;
    private final long normRate;
    private final int maxRate;
    private final int[] rate;
    private final int[] accumulator;
    private final int[] phase;

    /**
     * @param channels number of inputs
     * @param normRate L2 norm of the rate vector, spikes per tick (e.g. 2.0)
     * @param maxRate  cap on any one channel's rate, spikes per tick, in (0, 1]
     */
    public RateEncoder(int channels, double normRate, double maxRate) {
        if (!(maxRate > 0 && maxRate <= 1) || !(normRate > 0 && normRate <= 64)) {
            throw new IllegalArgumentException("need 0 < maxRate <= 1 and 0 < normRate <= 64");
        }
        this.channels = channels;
        this.normRate = Fx.toFixed(normRate, 16);
        this.maxRate = (int) Fx.toFixed(maxRate, 16);
        this.rate = new int[channels];
        this.accumulator = new int[channels];
        this.phase = new int[channels];
    }

    /**
     * Loads a new sample: computes the rates of {@code values} (each >= 0) and draws fresh phases, channel {@code i}'s
     * from index {@code i} of {@code key} (a {@link CounterRandom.Stream#ENCODING} key, see
     * {@code Network#key}).
     */
    public void load(int[] values, int key) {
        if (values.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " values, got " + values.length);
        }
        long sumSquares = 0;
        for (int value : values) {
            if (value < 0) {
                throw new IllegalArgumentException("intensities must be >= 0, got " + value);
            }
            sumSquares += (long) value * value;
        }
        long norm = Fx.isqrt(sumSquares << 16);
        for (int i = 0; i < channels; i++) {
            rate[i] = norm == 0 ? 0 : (int) Math.min(maxRate, ((normRate * values[i]) << 8) / norm);
            phase[i] = CounterRandom.draw16(key, i);
        }
        rewind();
    }

    /** Starts the loaded sample's spike trains again from their first tick: the same spikes as after the load. */
    public void rewind() {
        System.arraycopy(phase, 0, accumulator, 0, channels);
    }

    /** Writes one tick of spikes into {@code out} (cleared first). */
    public void encode(Spikes out) {
        out.clear();
        for (int i = 0; i < channels; i++) {
            int next = accumulator[i] + rate[i];
            if (next >= Fx.ONE_Q16) {
                next -= Fx.ONE_Q16;
                out.set(i);
            }
            accumulator[i] = next;
        }
    }

    /** The rate of channel {@code i}, Q0.16 spikes per tick. */
    public int rate(int i) {
        return rate[i];
    }

    /** The L2 norm of the rate vector, Q16 spikes per tick. */
    public long normRateQ16() {
        return normRate;
    }

    /** The cap on one channel's rate, Q16 spikes per tick. */
    public int maxRateQ16() {
        return maxRate;
    }

    /** Number of channels. */
    public int channels() {
        return channels;
    }
}
