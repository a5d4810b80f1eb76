package dev.aplysia.device.encode;

import dev.aplysia.device.core.Population;

/**
 * Reads a class from an output population: the neuron that spiked most during a presentation; ties (including no
 * spikes at all) go to the highest membrane potential, then to the lower index.
 */
public final class ClassDecoder {

    private final int[] counts;
    private final Population output;

    /** A decoder for {@code output}, one class per neuron. */
    public ClassDecoder(Population output) {
        this.output = output;
        this.counts = new int[output.size()];
    }

    /** Starts a presentation. */
    public void reset() {
        java.util.Arrays.fill(counts, 0);
    }

    /** Counts this tick's output spikes. */
    public void observe() {
        for (int k = output.spikes().next(0); k >= 0; k = output.spikes().next(k + 1)) {
            counts[k]++;
        }
    }

    /** The decoded class. */
    public int decide() {
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best] || (counts[k] == counts[best] && output.membrane(k) > output.membrane(best))) {
                best = k;
            }
        }
        return best;
    }

    /** Output spikes in this presentation, all classes. */
    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** Spikes of class {@code k} in this presentation. */
    public int count(int k) {
        return counts[k];
    }
}
