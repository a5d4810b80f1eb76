package dev.aplysia.host.experiment;

import dev.aplysia.fixtures.dataset.DigitSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The significance protocol both learners follow: a stream of the training digits of every class but one, in a
 * seeded shuffled order, with a few samples of the rare class mixed in early (one every {@link #SPACING} background
 * samples); flagged rare samples are learned with the neuromodulator at {@link #GAIN} (the device) or the learning
 * rate times {@link #GAIN} (backprop). Scored at the end: how many of the presented rare samples are still
 * classified right, and the accuracy on the rare class's test samples, never seen.
 */
public final class Significance {

    /** Background samples between two rare ones. */
    public static final int SPACING = 100;
    /** The neuromodulator of a flagged sample (the firmware's significance gain). */
    public static final double GAIN = 3.0;

    private Significance() {
    }

    /** One sample of the stream: a training row, and whether it is one of the rare class. */
    public record Step(int row, boolean rare) {
    }

    /** A built stream. */
    public record Stream(DigitSet train, int rareClass, boolean flagged, List<Step> steps, int[] rareRows) {

        /** The neuromodulator (device) or learning-rate factor (backprop) of a step. */
        public double modulator(Step step) {
            return step.rare() && flagged ? GAIN : 1.0;
        }
    }

    /**
     * The stream with {@code presentations} rare samples and at most {@code background} others.
     *
     * @throws IllegalArgumentException if the training set has fewer rare samples than asked for
     */
    public static Stream stream(DigitSet train, int rareClass, int presentations, boolean flagged, int background,
                                long seed) {
        List<Integer> others = new ArrayList<>();
        List<Integer> rare = new ArrayList<>();
        for (int row : LearningCurve.shuffledOrder(train.size(), seed)) {
            (train.label(row) == rareClass ? rare : others).add(row);
        }
        if (rare.size() < presentations) {
            throw new IllegalArgumentException("only " + rare.size() + " samples of class " + rareClass);
        }
        List<Step> steps = new ArrayList<>();
        int shown = 0;
        for (int n = 0; n < Math.min(background, others.size()); n++) {
            if (shown < presentations && n == (shown + 1) * SPACING) {
                steps.add(new Step(rare.get(shown++), true));
            }
            steps.add(new Step(others.get(n), false));
        }
        int[] rareRows = rare.subList(0, shown).stream().mapToInt(Integer::intValue).toArray();
        return new Stream(train, rareClass, flagged, steps, rareRows);
    }
}
