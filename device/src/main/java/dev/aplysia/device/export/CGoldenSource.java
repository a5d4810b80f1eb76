package dev.aplysia.device.export;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.golden.Column;
import dev.aplysia.device.golden.GoldenScenario;
import dev.aplysia.device.golden.GoldenScenarios;
import dev.aplysia.device.golden.Probe;
import dev.aplysia.device.golden.RecordedStimulus;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The golden scenarios as C source for the packaged golden runner ({@code goldens/golden.h}): per scenario the
 * network's tables ({@link CNetworkTables}), its recorded stimulus ({@link RecordedStimulus}), its columns as probes
 * and the values it must reproduce; and one file listing every scenario. An exported project's {@code make check}
 * and {@code make qemu-check} run them ({@code goldens/Makefile}).
 */
public final class CGoldenSource {

    /** The exported project's folder of the golden check: the packaged runner and the generated scenarios. */
    public static final String FOLDER = "goldens";
    /** The file listing every scenario. */
    public static final String INDEX = "golden_scenarios.c";

    /**
     * The committed golden vectors, which the caller reads (the device's main code does not depend on the fixtures
     * module that holds them).
     */
    @FunctionalInterface
    public interface CommittedVectors {

        /** Every value of column {@code column} of the committed vector {@code vector}, one per tick from tick 1. */
        long[] column(String vector, String column);
    }

    private CGoldenSource() {
    }

    /**
     * Writes every golden scenario of {@link GoldenScenarios}, expected to reproduce its committed vector, and the
     * index into {@code project}'s {@value #FOLDER} folder, creating it if needed.
     *
     * @throws IllegalStateException if a committed vector has not one row per tick of its scenario
     */
    public static void write(Path project, CommittedVectors committed) throws IOException {
        Path folder = Files.createDirectories(project.resolve(FOLDER));
        for (GoldenScenario scenario : GoldenScenarios.all()) {
            write(folder.resolve(fileName(scenario)), scenario(scenario, committed(scenario, committed)));
        }
        write(folder.resolve(INDEX), index(GoldenScenarios.all()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The C file name of {@code scenario}. */
    public static String fileName(GoldenScenario scenario) {
        return symbol(scenario) + ".c";
    }

    private static String symbol(GoldenScenario scenario) {
        return "golden_" + CNetworkTables.identifier(scenario.name());
    }

    /** The C source of one scenario, expected to reproduce {@code expected} (one row per tick, one value per column). */
    public static String scenario(GoldenScenario scenario, long[][] expected) {
        String symbol = symbol(scenario);
        NetworkSpec spec = scenario.spec();
        StringBuilder c = new StringBuilder(CNetworkTables.source(spec,
                Network.build(spec, McuProfile.RP2040, Kernels.REFERENCE), symbol + "_network"));
        c.append("\n/* golden scenario ").append(scenario.name()).append(": ").append(scenario.description())
                .append(" */\n#include \"golden.h\"\n");
        List<RecordedStimulus.Action> actions = RecordedStimulus.of(scenario).actions();
        writeActions(c, symbol, spec, actions);
        writeColumns(c, symbol, spec, scenario.columns());
        writeExpected(c, symbol, expected);
        c.append("\nconst golden_scenario ").append(symbol).append(" = {\"").append(scenario.name()).append("\", &")
                .append(symbol).append("_network, ").append(scenario.ticks()).append(", ")
                .append(actions.isEmpty() ? "NULL" : symbol + "_actions").append(", ").append(actions.size())
                .append(", ").append(symbol).append("_columns, ").append(scenario.columns().size()).append(", ")
                .append(symbol).append("_expected};\n");
        return c.toString();
    }

    /** {@code static const golden_action <symbol>_actions[]}, when there are any. */
    public static void writeActions(StringBuilder c, String symbol, NetworkSpec spec,
            List<RecordedStimulus.Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        c.append("\nstatic const golden_action ").append(symbol).append("_actions[").append(actions.size())
                .append("] = {\n");
        for (RecordedStimulus.Action a : actions) {
            c.append("    {").append(a.tick()).append(", GOLDEN_").append(a.kind().name()).append(", ")
                    .append(a.population().isEmpty() ? 0 : populationIndex(spec, a.population())).append(", ")
                    .append(a.neuron()).append(", ").append(a.raw()).append("},\n");
        }
        c.append("};\n");
    }

    /** {@code static const golden_column <symbol>_columns[]}: each column's name and probe. */
    private static void writeColumns(StringBuilder c, String symbol, NetworkSpec spec, List<Column> columns) {
        c.append("\nstatic const golden_column ").append(symbol).append("_columns[").append(columns.size())
                .append("] = {\n");
        for (Column column : columns) {
            Probe probe = column.probe();
            c.append("    {\"").append(column.name()).append("\", ").append(probeCode(probe.kind())).append(", ")
                    .append(owner(spec, probe)).append(", ").append(probe.first()).append(", ")
                    .append(probe.second()).append("},\n");
        }
        c.append("};\n");
    }

    /** The committed values of {@code scenario}, one row per tick, one value per column in the scenario's order. */
    private static long[][] committed(GoldenScenario scenario, CommittedVectors committed) {
        List<Column> columns = scenario.columns();
        long[][] rows = new long[scenario.ticks()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            long[] values = committed.column(scenario.name(), columns.get(c).name());
            if (values.length != scenario.ticks()) {
                throw new IllegalStateException(scenario.name() + ": " + values.length + " golden rows for "
                        + scenario.ticks() + " ticks");
            }
            for (int r = 0; r < values.length; r++) {
                rows[r][c] = values[r];
            }
        }
        return rows;
    }

    /** The expected values, row-major, one row a line after a comment naming its tick. */
    private static void writeExpected(StringBuilder c, String symbol, long[][] expected) {
        int columns = expected.length == 0 ? 0 : expected[0].length;
        c.append("\nstatic const int64_t ").append(symbol).append("_expected[")
                .append(Math.max(1, expected.length * columns)).append("] = {\n");
        for (int r = 0; r < expected.length; r++) {
            c.append("    /* tick ").append(r + 1).append(" */");
            for (long value : expected[r]) {
                c.append(" INT64_C(").append(value).append("),");
            }
            c.append('\n');
        }
        c.append("};\n");
    }

    /** The file listing every scenario, in order. */
    public static String index(List<GoldenScenario> scenarios) {
        StringBuilder c = new StringBuilder("/* Every golden scenario, generated by " + CGoldenSource.class.getName()
                + ". */\n#include \"golden.h\"\n\n");
        for (GoldenScenario s : scenarios) {
            c.append("extern const golden_scenario ").append(symbol(s)).append(";\n");
        }
        c.append("\nconst golden_scenario *const golden_scenarios[] = {\n");
        for (GoldenScenario s : scenarios) {
            c.append("    &").append(symbol(s)).append(",\n");
        }
        c.append("};\n\nconst int32_t golden_scenario_count = ").append(scenarios.size()).append(";\n");
        return c.toString();
    }

    /** The runner's code of a probe kind, chosen by name. */
    private static String probeCode(Probe.Kind kind) {
        return switch (kind) {
            case SPIKE -> "GOLDEN_SPIKE_BIT";
            case MODULATOR -> "GOLDEN_MODULATOR_VALUE";
            default -> "GOLDEN_" + kind.name().toUpperCase(Locale.ROOT);
        };
    }

    private static int owner(NetworkSpec spec, Probe probe) {
        if (probe.owner().isEmpty()) {
            return 0;
        }
        return probe.ownedByProjection() ? spec.projections().indexOf(spec.projections().stream()
                .filter(p -> p.name().equals(probe.owner())).findFirst().orElseThrow())
                : populationIndex(spec, probe.owner());
    }

    private static int populationIndex(NetworkSpec spec, String population) {
        return spec.populations().indexOf(spec.population(population));
    }
}
