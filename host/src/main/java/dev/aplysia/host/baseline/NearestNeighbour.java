package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * 1-nearest-neighbour over a memory of the samples seen: every sample is stored until the byte budget is full, then
 * the memory is kept a uniform random sample of the stream (reservoir sampling). Classifies by the label of the
 * stored sample nearest in Euclidean distance over the raw pixels. The simplest memory-based learner: a one-shot
 * learner without any learning rule.
 */
public final class NearestNeighbour implements DigitLearner {

    private final ReservoirMemory memory;

    /** A memory of as many samples as fit in {@code budgetBytes} ({@link StoredDigit#BYTES} each, plus bookkeeping). */
    public NearestNeighbour(long budgetBytes, long seed) {
        this.memory = new ReservoirMemory(StoredDigit.capacity(budgetBytes, ReservoirMemory.OVERHEAD_BYTES), seed);
    }

    @Override
    public String name() {
        return "1-nn";
    }

    @Override
    public void learn(DigitSet set, int row, boolean flagged) {
        memory.offer(set, row, flagged);
    }

    @Override
    public int classify(DigitSet set, int row) {
        return memory.nearestLabel(set, row);
    }

    @Override
    public long stateBytes() {
        return memory.stateBytes();
    }

    /** Samples held now. */
    public int stored() {
        return memory.size();
    }
}
