package dev.aplysia.host.baseline;

/**
 * One baseline's figure on a test stretch.
 *
 * @param name       what the baseline is, in kebab case, e.g. {@code repeat-previous}
 * @param accuracy   fraction of the test stretch's samples whose class it predicted, 0..1
 * @param stateBytes bytes the baseline holds to make those predictions (how each is counted is stated where it is
 *                   computed)
 */
public record Baseline(String name, double accuracy, long stateBytes) {
}
