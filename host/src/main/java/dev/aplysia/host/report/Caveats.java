package dev.aplysia.host.report;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.SgdTrainer;
import dev.aplysia.host.experiment.ComparisonPlan;
import dev.aplysia.host.experiment.ComparisonReport.Settings;
import dev.aplysia.host.experiment.DigitsByBackprop;
import dev.aplysia.host.experiment.Significance;
import java.math.BigDecimal;

/**
 * The report's "What these figures do and do not show" section, in plain words: how the device's learner differs
 * from a learning rule one might assume, what "flagged significant" does on each side, how the two learners' shapes
 * compare, and how much one run can say. Every constant it states is read from the code that runs: the plan of the
 * run's settings, the device's classifier, the significance protocol, and the backprop trainer and network the
 * comparison builds for that plan.
 */
final class Caveats {

    private static final Notation N = Notation.READABLE;

    private Caveats() {
    }

    /** The section, a heading and one paragraph per caveat, for a run of {@code settings}. */
    static String section(Settings settings) {
        ComparisonPlan plan = new ComparisonPlan(settings.seed(), settings.hidden(), settings.quick());
        SgdTrainer backprop = DigitsByBackprop.onlineTrainer(plan.hidden(), plan.seed());
        return "## What these figures do and do not show\n\n"
                + "- " + memory(plan.classifier()) + "\n"
                + "- " + teacher() + "\n"
                + "- " + significance(plan.classifier(), backprop) + "\n"
                + "- " + shapes(plan.classifier(), backprop.network()) + "\n"
                + "- " + oneRun(settings) + "\n";
    }

    private static String memory(ClassifierConfig device) {
        String gate = device.outcomeGated() ? "Each training sample is first answered with learning frozen. A sample "
                + "answered wrong, or one whose match (cosine) with every learned feature is below the vigilance, "
                : "A sample whose match (cosine) with every learned feature is below the vigilance, ";
        return "**The device's learner is partly a memory.** " + gate + N.real(device.vigilance()) + ", recruits a "
                + "fresh feature neuron, " + imprint(device.featureRate()) + ". Until its " + N.count(device.hidden())
                + " feature neurons are used up, the device therefore behaves partly like a nearest-prototype memory "
                + "of the samples it has seen. A nearest-neighbour memory of the same samples, which learns no "
                + "weights at all, is the baseline that explains much of its early lead over online backprop; this "
                + "report does not run it, but the README's budget table (`./aplysia report claims`) sets both side "
                + "by side at equal state bytes.";
    }

    /** What the instar rule does to a fresh neuron's weights at {@code rate}: at 1 they become the sample. */
    private static String imprint(double rate) {
        return rate == 1 ? "which copies the sample into its weights (instar rate 1)"
                : "whose weights move " + exact(rate) + " of the way to the sample (instar rate " + exact(rate) + ")";
    }

    private static String teacher() {
        return "**The readout is taught by a teacher current.** On every tick of a learning presentation a current "
                + "of " + exact(SpikingClassifier.TEACHER_CURRENT) + " membrane units per tick "
                + "(`SpikingClassifier.TEACHER_CURRENT`) is injected into the true class's readout neuron, and the "
                + "readout's outstar rule learns how often each feature fires with each taught class. The label "
                + "reaches the readout directly; what is local is that no error travels between layers.";
    }

    private static String significance(ClassifierConfig device, SgdTrainer backprop) {
        String gain = exact(Significance.GAIN);
        String kept = device.consolidates() ? ", learns the sample and is consolidated in proportion to the "
                + "modulator, " + gain + " instead of 1 (the weight change itself is gated by the modulator, not scaled"
                + " by it)" : " and imprints the sample; the device keeps no consolidation state, so what protects "
                + "that memory afterwards is only that a wrong answer never moves a memory of another class";
        return "**\"Flagged significant\" does different things on the two sides.** On the device the feature "
                + "layer's excitability is multiplied by " + gain + " during a flagged sample's presentation, so a "
                + "fresh feature neuron wins" + kept + ". Backprop only multiplies its learning "
                + "rate by " + gain + " for that sample (" + N.real(backprop.learningRate() * Significance.GAIN)
                + " instead of " + N.real(backprop.learningRate()) + "); nothing "
                + "else about its step changes. The significance rows compare these two mechanisms, not one shared "
                + "signal.";
    }

    private static String shapes(ClassifierConfig device, Mlp mlp) {
        return "**Same width, different shapes.** The device is " + device.inputs() + "–" + device.hidden() + "–"
                + device.classes() + " (inputs, feature neurons, readout neurons) and the MLP is " + mlp.inputs()
                + "–" + mlp.hidden() + "–" + mlp.outputs() + " (inputs, ReLU units, softmax outputs), both "
                + "sized by `--hidden`. The device's feature layer is one-winner-take-all: one feature neuron wins "
                + "and learns per sample, and neurons are recruited until all are in use. Every MLP unit takes part "
                + "in every sample, and every weight moves at every step. Equal width is not equal capacity or cost; "
                + "the cost table gives state bytes and operations.";
    }

    private static String oneRun(Settings settings) {
        return "**One seed, one pass.** Every figure comes from seed " + settings.seed() + " and one run; no spread "
                + "over seeds is shown, so a difference of a few hundredths between the learners may be noise."
                + (settings.quick() ? " This quick run learned from the first " + N.count(settings.trainSamples())
                        + " training samples and scored the first " + N.count(settings.testSamples())
                        + " test samples." : "");
    }

    /** A constant as written in the code: {@code 3.0} as {@code 3}, {@code 0.9} as {@code 0.9}. */
    private static String exact(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
