package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * A learner of the digits budget study: it learns one image at a time, in the order it is given, and is scored with
 * learning frozen. Every learner of a study sees the same rows in the same order.
 */
public interface DigitLearner {

    /** Short name, as in reports: {@code device}, {@code 1-nn}, {@code nearest-class-mean}, {@code backprop}, ... */
    String name();

    /** Learns row {@code row} of {@code set} with its label; {@code flagged} marks a significant sample. */
    void learn(DigitSet set, int row, boolean flagged);

    /** The class this learner gives row {@code row} of {@code set}; learned state is untouched. */
    int classify(DigitSet set, int row);

    /** Bytes of state a board would hold for this learner, counted as documented by each learner. */
    long stateBytes();
}
