package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.core.RandomSpecs;
import dev.aplysia.device.core.Spikes;
import dev.aplysia.device.export.CNetworkTables;
import dev.aplysia.device.fixed.CounterRandom;
import dev.aplysia.device.model.CostModel;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calibrates the MCU cost tables ({@link CostModel}): runs {@value #NETWORKS} random networks ({@link RandomSpecs}
 * with every rule path, a quarter without plasticity) on the C core cross-compiled for the target and run under
 * QEMU, measuring the instructions of every {@value #SEGMENT}-tick segment; counts the same ticks' operations on the Java core (bit-exact, so the same
 * spikes); and fits instructions per operation by non-negative least squares on relative error. The fit must equal
 * the committed table {@code costs-TARGET.properties}; run with {@code -Daplysia.calibrate=write} to write it (and
 * then re-measure docs/mcu.md's figures).
 */
class McuCostCalibrationTest {

    private static final int NETWORKS = 64;
    private static final int STATIC_EVERY = 4;
    private static final int SEGMENTS = 4;
    private static final int SEGMENT = 50;
    private static final int MODULATOR_ON = 10;
    private static final int MODULATOR_OFF = 40;
    private static final Path TABLES = Path.of("src", "main", "resources", "dev", "aplysia", "device", "model");
    private static final Path BOARD = Path.of("src", "main", "c", "board");
    private static final Pattern COST = Pattern.compile("^cost (\\d+) (\\d+) (\\d+)$", Pattern.MULTILINE);

    /** One calibration network and its stimulus (as cost.h's cost_case). */
    private record Case(NetworkSpec spec, int key, long threshold, int modulatorRaw) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"cortex-m0plus", "cortex-m3"})
    void theCommittedCostTableIsTheFitOfAFreshMeasurement(String target) throws IOException, InterruptedException {
        for (String tool : List.of("make", "arm-none-eabi-gcc", "arm-none-eabi-size", "qemu-system-arm")) {
            RequiredPackage.require(QemuGoldenTest.onPath(tool), tool + " is not installed (Debian packages make,"
                    + " gcc-arm-none-eabi, libnewlib-arm-none-eabi, qemu-system-arm)");
        }
        List<Case> cases = IntStream.range(0, NETWORKS).mapToObj(McuCostCalibrationTest::calibrationCase).toList();
        long[][] amounts = javaAmounts(cases);
        long[] measured = measure(target, cases);

        double[] fit = CostFit.nonNegative(amounts, measured);
        System.out.printf(Locale.ROOT, "cost calibration %s: %s; fit relative error %s%n", target,
                CostFit.describe(fit), CostFit.errors(fit, amounts, measured));
        if ("write".equals(System.getProperty("aplysia.calibrate"))) {
            Files.writeString(TABLES.resolve("costs-" + target + ".properties"), table(target, fit));
            return;
        }
        double[] committed = CostModel.table(target).stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(rounded(fit), committed, 5e-4, "the committed costs-" + target + ".properties is not the"
                + " fit of this measurement; rerun with -Daplysia.calibrate=write and re-measure docs/mcu.md");
    }

    /**
     * Calibration network {@code k}: a random one; every {@value #STATIC_EVERY}th without plasticity, so that the
     * costs of propagation and integration are pinned apart from the rule's, which grow with the same spikes.
     */
    private static Case calibrationCase(int k) {
        SplittableRandom random = new SplittableRandom(7000 + k);
        NetworkSpec spec = RandomSpecs.network(random, 7000 + k, true, 48, 48);
        if (k % STATIC_EVERY == 0) {
            spec = withoutPlasticity(spec);
        }
        long threshold = (long) ((0.02 + 0.5 * random.nextDouble()) * 0x1p32);
        int modulator = (int) RuleEngine.MODULATOR.toRaw(random.nextDouble() * 4 - 2);
        return new Case(spec, random.nextInt(), threshold, modulator);
    }

    private static NetworkSpec withoutPlasticity(NetworkSpec spec) {
        ProjectionSpec p = spec.projections().get(0);
        NetworkSpec.Builder builder = NetworkSpec.builder(spec.name() + "-static").seed(spec.seed());
        spec.populations().forEach(builder::population);
        return builder.projection(new ProjectionSpec(p.name(), p.pre(), p.post(), p.wMin(), p.wMax(), p.initMin(),
                p.initMax(), PlasticityRule.NONE, p.weightFraction(), p.receptor())).build();
    }

    /** Per segment (rows: network-major), the operations the Java core counts; the same for both kernel sets. */
    private static long[][] javaAmounts(List<Case> cases) {
        List<long[]> rows = new ArrayList<>();
        for (Case c : cases) {
            List<long[]> optimised = run(c, Kernels.OPTIMISED);
            List<long[]> reference = run(c, Kernels.REFERENCE);
            for (int s = 0; s < SEGMENTS; s++) {
                assertArrayEquals(reference.get(s), optimised.get(s), "operations counted in the C core's loops,"
                        + " whatever the kernel: " + c.spec().name() + " segment " + s);
            }
            rows.addAll(optimised);
        }
        return rows.toArray(long[][]::new);
    }

    private static List<long[]> run(Case c, Kernels kernels) {
        Network network = Network.build(c.spec(), McuProfile.RP2040, kernels);
        Spikes input = network.population("in").spikes();
        int size = network.population("in").size();
        List<long[]> segments = new ArrayList<>();
        OpCounters before = network.counters().copy();
        for (int tick = 1; tick <= SEGMENTS * SEGMENT; tick++) {
            input.clear();
            for (int i = 0; i < size; i++) {
                if (Integer.toUnsignedLong(CounterRandom.draw(c.key(), tick * size + i)) < c.threshold()) {
                    input.set(i);
                }
            }
            int phase = tick % SEGMENT;
            if (phase == MODULATOR_ON) {
                network.setModulatorRaw(c.modulatorRaw());
            } else if (phase == MODULATOR_OFF) {
                network.setModulatorRaw(0);
            }
            network.step();
            if (tick % SEGMENT == 0) {
                long[] now = CostModel.amounts(network.counters());
                long[] then = CostModel.amounts(before);
                segments.add(IntStream.range(0, now.length).mapToLong(k -> now[k] - then[k]).toArray());
                before = network.counters().copy();
            }
        }
        return segments;
    }

    /** The instructions of each segment on the C core for {@code target}, under QEMU. */
    private static long[] measure(String target, List<Case> cases) throws IOException, InterruptedException {
        HostGcc folder = new HostGcc(Path.of("target", "c-costs-" + target));
        folder.copy(HostGcc.CORE);
        folder.copy(HostGcc.RUNNERS, "cost.h", "cost_runner.c");
        StringBuilder index = new StringBuilder("#include \"cost.h\"\n\n");
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            String symbol = "cost_network_" + k;
            folder.write(symbol + ".c", CNetworkTables.source(c.spec(),
                    Network.build(c.spec(), McuProfile.RP2040, Kernels.REFERENCE), symbol));
            index.append("extern const ap_network ").append(symbol).append(";\n");
        }
        index.append("\nconst cost_case cost_cases[] = {\n");
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            index.append(String.format(Locale.ROOT, "    {&cost_network_%d, %d, %d, UINT32_C(%d), UINT32_C(%d), %d},%n",
                    k, c.spec().populations().indexOf(c.spec().population("in")), SEGMENTS,
                    Integer.toUnsignedLong(c.key()), c.threshold(), c.modulatorRaw()));
        }
        index.append("};\nconst int32_t cost_case_count = ").append(cases.size()).append(";\n");
        folder.write("cost_cases.c", index.toString());
        folder.write("Makefile", "MCU_SOURCES := $(wildcard *.c)\nMCU_BUILD := build\nMCU_CPPFLAGS := -I.\nMCU_CPU := "
                + target + "\ninclude " + BOARD.toAbsolutePath() + "/mcu.mk\n");

        HostGcc.Result run = folder.run(List.of("make", "mcu-check"));
        assertEquals(0, run.exit(), run.output());
        long[] measured = new long[cases.size() * SEGMENTS];
        Matcher line = COST.matcher(run.output());
        int found = 0;
        while (line.find()) {
            measured[Integer.parseInt(line.group(1)) * SEGMENTS + Integer.parseInt(line.group(2))] =
                    Long.parseLong(line.group(3));
            found++;
        }
        assertEquals(measured.length, found, run.output());
        return measured;
    }

    private static double[] rounded(double[] fit) {
        return Arrays.stream(fit).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    private static String table(String target, double[] fit) {
        StringBuilder text = new StringBuilder("# Instructions per operation of the C core built for ").append(target)
                .append(" (-Os), fitted by McuCostCalibrationTest\n# over ").append(NETWORKS)
                .append(" random networks under QEMU (-icount shift=0). Regenerate with -Daplysia.calibrate=write.\n");
        double[] values = rounded(fit);
        for (int k = 0; k < values.length; k++) {
            text.append(CostModel.OPERATIONS.get(k)).append('=').append(String.format(Locale.ROOT, "%.3f", values[k]))
                    .append('\n');
        }
        return text.toString();
    }
}
