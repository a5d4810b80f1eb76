package dev.aplysia.device.export;

import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotCodec;
import dev.aplysia.device.persist.SnapshotException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The C project {@code aplysia export c --network digits} writes: the packaged sources ({@link CSources}: core,
 * board ports, the digits and golden checks' runners, {@code Makefile}, {@code README.md}; the golden scenarios
 * themselves come from {@link CGoldenSource}), the classifier's tables, snapshot layout and optional start-up
 * snapshot in {@code network/}, and in {@code check/} the samples and the Java learner's transcript on them, which
 * the C runner compares line by line. The Java run starts from the same
 * snapshot, learns the training samples in order with significance {@value #SIGNIFICANCE} and classifies the test
 * samples.
 */
public final class CDigitsProject implements CProject {

    /** The significance of every learning presentation of the check. */
    public static final double SIGNIFICANCE = 1.0;
    private static final String SYMBOL = "digits";

    /** Labelled samples: {@code pixels[n]} is sample n's intensities, {@code labels[n]} its class. */
    public record Samples(int[][] pixels, int[] labels) {

        public Samples {
            if (pixels.length != labels.length) {
                throw new IllegalArgumentException(pixels.length + " samples but " + labels.length + " labels");
            }
        }

        /** {@code size} samples of {@code pixels} intensities: sample n's label and its pixel p's intensity. */
        public static Samples of(int size, int pixels, IntUnaryOperator label, IntBinaryOperator pixel) {
            int[][] intensities = new int[size][pixels];
            int[] labels = new int[size];
            for (int n = 0; n < size; n++) {
                for (int p = 0; p < pixels; p++) {
                    intensities[n][p] = pixel.applyAsInt(n, p);
                }
                labels[n] = label.applyAsInt(n);
            }
            return new Samples(intensities, labels);
        }

        int size() {
            return labels.length;
        }
    }

    private final ClassifierConfig config;
    private final McuProfile profile;
    private final Samples train;
    private final Samples test;
    private final Optional<byte[]> snapshot;
    private final List<String> transcript = new ArrayList<>();
    private final int[] answers;
    private final int[] learned;
    private final int[] classified;
    private final long crc;
    private final int right;
    private final long operations;

    private CDigitsProject(ClassifierConfig config, McuProfile profile, Samples train, Samples test,
            Optional<byte[]> snapshot, SpikingClassifier classifier) {
        this.config = config;
        this.profile = profile;
        this.train = train;
        this.test = test;
        this.snapshot = snapshot;
        answers = new int[train.size()];
        learned = new int[train.size()];
        for (int n = 0; n < train.size(); n++) {
            classifier.learn(train.pixels()[n], train.labels()[n], SIGNIFICANCE);
            answers[n] = classifier.answer();
            learned[n] = classifier.decision();
            transcript.add("learn " + n + " answer " + answers[n] + " decision " + learned[n]);
        }
        classified = new int[test.size()];
        int correct = 0;
        for (int n = 0; n < test.size(); n++) {
            classified[n] = classifier.classify(test.pixels()[n]);
            correct += classified[n] == test.labels()[n] ? 1 : 0;
            transcript.add("classify " + n + " decision " + classified[n]);
        }
        right = correct;
        crc = StateCrc.of(classifier.network());
        transcript.add(String.format("crc %08x", crc));
        transcript.add("accuracy " + right + "/" + test.size());
        operations = classifier.network().counters().total();
    }

    /**
     * The project for a classifier of {@code config} checked against {@code profile}, starting from its freshly
     * built state or from {@code snapshot}; runs the Java learner.
     *
     * @throws SnapshotException if {@code snapshot} does not load into that classifier's network (the codec's reason)
     */
    public static CDigitsProject of(ClassifierConfig config, McuProfile profile, Samples train, Samples test,
            Optional<byte[]> snapshot) throws SnapshotException {
        SpikingClassifier classifier = new SpikingClassifier(config, profile);
        if (snapshot.isPresent()) {
            SnapshotCodec.decode(classifier.network(), snapshot.get());
        }
        return new CDigitsProject(config, profile, train, test, snapshot, classifier);
    }

    @Override
    public String network() {
        return SYMBOL;
    }

    /** The Java learner's transcript, line for line what the C runner prints before its pass line. */
    @Override
    public List<String> transcript() {
        return transcript;
    }

    @Override
    public long operations() {
        return operations;
    }

    @Override
    public void write(Path folder) throws IOException {
        CProjectFiles.copySources(folder, SYMBOL);
        CProjectFiles.writeClassifier(folder, SYMBOL, config, profile, snapshot);
        CProjectFiles.write(folder, "check/digits_samples.c", samplesSource());
        CProjectFiles.write(folder, "check/digits_expected.c", expectedSource());
    }

    private static StringBuilder header(String what) {
        return CProjectFiles.header(CDigitsProject.class, what);
    }

    private String samplesSource() {
        StringBuilder c = header("the samples the check learns and classifies");
        c.append("const int32_t digits_pixels = ").append(config.inputs()).append(";\n");
        c.append("const int32_t digits_significance_q15 = ").append(CClassifierTables.significanceQ15(SIGNIFICANCE))
                .append(";\n");
        samples(c, "train", train);
        samples(c, "test", test);
        return c.toString();
    }

    private void samples(StringBuilder c, String name, Samples set) {
        c.append("const int32_t digits_").append(name).append("_count = ").append(set.size()).append(";\n");
        CProjectFiles.array(c, "uint8_t", "digits_" + name + "_labels", set.labels());
        c.append("const uint8_t digits_").append(name).append("_pixels[] = {");
        for (int[] sample : set.pixels()) {
            if (sample.length != config.inputs()) {
                throw new IllegalArgumentException(sample.length + " pixels, the classifier has " + config.inputs()
                        + " inputs");
            }
            c.append("\n   ");
            for (int pixel : sample) {
                c.append(' ').append(pixel).append(',');
            }
        }
        c.append("\n};\n");
    }

    private String expectedSource() {
        StringBuilder c = header("the Java learner's transcript the check compares with");
        CProjectFiles.array(c, "int8_t", "digits_expected_answers", answers);
        CProjectFiles.array(c, "int8_t", "digits_expected_learned", learned);
        CProjectFiles.array(c, "int8_t", "digits_expected_classified", classified);
        c.append("const uint32_t digits_expected_crc = UINT32_C(0x").append(String.format("%08x", crc))
                .append(");\nconst int32_t digits_expected_right = ").append(right).append(";\n");
        return c.toString();
    }
}
