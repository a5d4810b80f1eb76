package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.export.CClassifierTables;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.dataset.DigitSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digits learner on the C core against the Java learner: the default digits classifier learns the first
 * {@value #TRAIN} optdigits training samples in file order and classifies the first {@value #TEST} test samples;
 * every answer and decision and the final state's CRC-32 ({@link StateCrc}) must be equal, under a strict build and
 * under the sanitizers.
 */
class CDigitsParityTest {

    private static final int TRAIN = 500;
    private static final int TEST = 200;
    /** The digits command's defaults: {@code --hidden 400 --seed 1 --profile rp2040}, significance 1. */
    private static final ClassifierConfig CONFIG = ClassifierConfig.digits(400, 1);
    private static final McuProfile PROFILE = McuProfile.RP2040;
    private static final double SIGNIFICANCE = 1.0;
    private static final String PROGRAM = "digits";

    @Test
    void theCDigitsLearnerDecidesAsTheJavaLearner() throws IOException, InterruptedException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C digits parity test");
        DigitSet train = Fixtures.optdigits().train().head(TRAIN);
        DigitSet test = Fixtures.optdigits().test().head(TEST);
        List<String> java = javaTranscript(train, test);
        HostGcc gcc = program(Path.of("target", "c-digits"), train, test);
        System.out.println("digits parity: Java " + summary(java));
        for (boolean sanitized : new boolean[] {false, true}) {
            List<String> c = cTranscript(gcc, sanitized);
            assertEquals("", firstDifference(java, c), (sanitized ? "sanitized" : "strict") + " build");
            System.out.println("digits parity: C (" + (sanitized ? "sanitized" : "strict") + ") "
                    + summary(c) + ", " + java.size() + " lines equal");
        }
    }

    /**
     * The same on the C core cross-compiled for Cortex-M0+ and run under QEMU ({@code board/mcu.mk}), with the
     * instructions per learned sample, per classified sample and per tick that the run prints.
     */
    @Test
    void theCDigitsLearnerDecidesAsTheJavaLearnerOnCortexM0PlusUnderQemu() throws IOException, InterruptedException {
        for (String tool : List.of("make", "arm-none-eabi-gcc", "arm-none-eabi-size", "qemu-system-arm")) {
            RequiredPackage.require(QemuGoldenTest.onPath(tool), tool + " is not installed (Debian packages make,"
                    + " gcc-arm-none-eabi, libnewlib-arm-none-eabi, qemu-system-arm)");
        }
        DigitSet train = Fixtures.optdigits().train().head(TRAIN);
        DigitSet test = Fixtures.optdigits().test().head(TEST);
        SpikingClassifier reference = new SpikingClassifier(CONFIG, PROFILE);
        List<String> java = javaTranscript(reference, train, test);
        long javaOperations = reference.network().counters().total();
        HostGcc folder = program(Path.of("target", "c-digits-mcu"), train, test);
        folder.write("Makefile", QemuGoldenTest.makefile());

        HostGcc.Result run = folder.run(List.of("make", "mcu-check"));

        assertEquals(0, run.exit(), run.output());
        List<String> transcript = run.output().lines()
                .filter(line -> line.matches("(learn|classify|crc|accuracy) .*")).toList();
        assertEquals("", firstDifference(java, transcript), "cortex-m0plus under QEMU");
        String cost = run.output().lines().filter(line -> line.startsWith("cost: ")).findFirst().orElseThrow();
        String json = run.output().lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        long instructions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("instructions")
                .asLong();
        System.out.printf("digits parity: C (cortex-m0plus, QEMU) %s; %s; %s; %.1f instructions per operation the"
                + " Java core counts (%d operations)%n", summary(transcript), cost, json,
                (double) instructions / javaOperations, javaOperations);
    }

    /** A folder with the C core, the runner, the digits tables and the samples. */
    private static HostGcc program(Path folder, DigitSet train, DigitSet test) throws IOException {
        HostGcc gcc = new HostGcc(folder);
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.RUNNERS, "digits.h", "digits_runner.c");
        gcc.write("digits_tables.c", CClassifierTables.source(CONFIG, PROFILE, PROGRAM));
        gcc.write("digits_samples.c", samples(train, test));
        return gcc;
    }

    /** The Java learner's transcript, line for line what {@code digits_runner.c} prints. */
    private static List<String> javaTranscript(DigitSet train, DigitSet test) {
        return javaTranscript(new SpikingClassifier(CONFIG, PROFILE), train, test);
    }

    /** The transcript of {@code classifier}, fresh, learning {@code train} and classifying {@code test}. */
    private static List<String> javaTranscript(SpikingClassifier classifier, DigitSet train, DigitSet test) {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < train.size(); n++) {
            classifier.learn(pixels(train, n), train.label(n), SIGNIFICANCE);
            lines.add("learn " + n + " answer " + classifier.answer() + " decision " + classifier.decision());
        }
        int right = 0;
        for (int n = 0; n < test.size(); n++) {
            int decision = classifier.classify(pixels(test, n));
            right += decision == test.label(n) ? 1 : 0;
            lines.add("classify " + n + " decision " + decision);
        }
        lines.add(String.format("crc %08x", StateCrc.of(classifier.network())));
        lines.add("accuracy " + right + "/" + test.size());
        return lines;
    }

    private static List<String> cTranscript(HostGcc gcc, boolean sanitized) throws IOException, InterruptedException {
        String binary = PROGRAM + (sanitized ? "-sanitized" : "-strict");
        HostGcc.Result compiled = gcc.compile(binary, sanitized);
        assertEquals(0, compiled.exit(), "gcc:\n" + compiled.output());
        HostGcc.Result ran = gcc.execute(binary);
        assertEquals(0, ran.exit(), ran.output());
        return ran.output().lines().toList();
    }

    /** "" when equal, else the first differing line of both. */
    private static String firstDifference(List<String> java, List<String> c) {
        for (int i = 0; i < Math.max(java.size(), c.size()); i++) {
            String expected = i < java.size() ? java.get(i) : "(end)";
            String got = i < c.size() ? c.get(i) : "(end)";
            if (!expected.equals(got)) {
                return "line " + (i + 1) + ": Java \"" + expected + "\", C \"" + got + "\"";
            }
        }
        return "";
    }

    /** A transcript's last two lines, its test accuracy and state CRC. */
    private static String summary(List<String> transcript) {
        return transcript.get(transcript.size() - 1) + " test samples right, state "
                + transcript.get(transcript.size() - 2);
    }

    private static int[] pixels(DigitSet set, int row) {
        int[] pixels = new int[DigitSet.PIXELS];
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            pixels[p] = set.pixel(row, p);
        }
        return pixels;
    }

    /** The samples as the C arrays {@code digits.h} declares. */
    private static String samples(DigitSet train, DigitSet test) {
        StringBuilder c = new StringBuilder("/* Generated by ").append(CDigitsParityTest.class.getName())
                .append(": the first optdigits samples. */\n#include \"digits.h\"\n\n");
        c.append("const int32_t digits_pixels = ").append(DigitSet.PIXELS).append(";\n");
        c.append("const int32_t digits_significance_q15 = ").append(CClassifierTables.significanceQ15(SIGNIFICANCE))
                .append(";\n");
        set(c, "train", train);
        set(c, "test", test);
        return c.toString();
    }

    private static void set(StringBuilder c, String name, DigitSet set) {
        c.append("const int32_t digits_").append(name).append("_count = ").append(set.size()).append(";\n");
        c.append("const uint8_t digits_").append(name).append("_labels[] = {");
        for (int n = 0; n < set.size(); n++) {
            c.append(n % 32 == 0 ? "\n    " : " ").append(set.label(n)).append(',');
        }
        c.append("\n};\nconst uint8_t digits_").append(name).append("_pixels[] = {");
        for (int n = 0; n < set.size(); n++) {
            c.append("\n   ");
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                c.append(' ').append(set.pixel(n, p)).append(',');
            }
        }
        c.append("\n};\n");
    }
}
