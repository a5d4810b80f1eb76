package dev.aplysia.host.experiment;

import dev.aplysia.fixtures.dataset.DigitSet;
import dev.aplysia.fixtures.dataset.Optdigits;
import java.util.Arrays;

/**
 * Which optdigits rows a run learns from and which it is scored on.
 *
 * <p>{@link #test} is the published split: all 3823 training rows, scored on the 1797 test rows written by other
 * people. {@link #validation} never touches the test rows: it holds out a fixed fifth of the training rows (chosen by
 * {@link #VALIDATION_SEED}, not by any run's seed) and learns from the rest. Constants are chosen on the validation
 * split only; reported figures come from the test split at {@link Seeds#REPORTED} seeds.
 *
 * @param name  "test" or "validation"
 * @param train rows learned from
 * @param score rows scored
 */
public record DigitsSplit(String name, DigitSet train, DigitSet score) {

    /** Seed of the validation hold-out; fixed, so every run validates on the same rows. */
    public static final long VALIDATION_SEED = 0x76616C;
    /** One training row in this many is held out for validation. */
    public static final int VALIDATION_FRACTION = 5;

    /** The published split. */
    public static DigitsSplit test(Optdigits digits) {
        return new DigitsSplit("test", digits.train(), digits.test());
    }

    /** A fifth of the training rows held out for validation; the test rows are not used. */
    public static DigitsSplit validation(Optdigits digits) {
        DigitSet all = digits.train();
        int[] order = LearningCurve.shuffledOrder(all.size(), VALIDATION_SEED);
        int held = all.size() / VALIDATION_FRACTION;
        int[] score = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(score);
        Arrays.sort(train);
        return new DigitsSplit("validation", all.rows(train), all.rows(score));
    }

    /** The split named {@code name}: "test" or "validation". */
    public static DigitsSplit named(String name, Optdigits digits) {
        return switch (name) {
            case "test" -> test(digits);
            case "validation" -> validation(digits);
            default -> throw new IllegalArgumentException("unknown split '" + name + "': use test or validation");
        };
    }
}
