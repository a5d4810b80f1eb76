package dev.aplysia.device.golden;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.export.CNetworkTables;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.golden.GoldenVector;
import java.util.List;
import java.util.Locale;

/**
 * The golden scenarios as C source for the C runner ({@code golden.h}): per scenario the network's tables
 * ({@link CNetworkTables}), its recorded stimulus ({@link RecordedStimulus}), its columns as probes and the committed
 * golden values; and one file listing every scenario.
 */
final class CGoldenSource {

    /** The file listing every scenario. */
    static final String INDEX = "golden_scenarios.c";

    private CGoldenSource() {
    }

    /** The C file name of {@code scenario}. */
    static String fileName(GoldenScenario scenario) {
        return symbol(scenario) + ".c";
    }

    private static String symbol(GoldenScenario scenario) {
        return "golden_" + CNetworkTables.identifier(scenario.name());
    }

    /** The C source of one golden scenario, expected to reproduce its committed vector. */
    static String scenario(GoldenScenario scenario) {
        return scenario(scenario, committed(scenario));
    }

    /** The C source of one scenario, expected to reproduce {@code expected} (one row per tick, one value per column). */
    static String scenario(GoldenScenario scenario, long[][] expected) {
        String symbol = symbol(scenario);
        NetworkSpec spec = scenario.spec();
        StringBuilder c = new StringBuilder(CNetworkTables.source(spec,
                Network.build(spec, McuProfile.RP2040, Kernels.REFERENCE), symbol + "_network"));
        c.append("\n/* golden scenario ").append(scenario.name()).append(": ").append(scenario.description())
                .append(" */\n#include \"golden.h\"\n");
        List<RecordedStimulus.Action> actions = RecordedStimulus.of(scenario).actions();
        writeActions(c, symbol, spec, actions);
        c.append("\nstatic const golden_column ").append(symbol).append("_columns[")
                .append(scenario.columns().size()).append("] = {\n");
        for (Column column : scenario.columns()) {
            Probe probe = column.probe();
            c.append("    {\"").append(column.name()).append("\", ").append(probeCode(probe.kind())).append(", ")
                    .append(owner(spec, probe)).append(", ").append(probe.first()).append(", ")
                    .append(probe.second()).append("},\n");
        }
        c.append("};\n");
        writeExpected(c, symbol, expected);
        c.append("\nconst golden_scenario ").append(symbol).append(" = {\"").append(scenario.name()).append("\", &")
                .append(symbol).append("_network, ").append(scenario.ticks()).append(", ")
                .append(actions.isEmpty() ? "NULL" : symbol + "_actions").append(", ").append(actions.size())
                .append(", ").append(symbol).append("_columns, ").append(scenario.columns().size()).append(", ")
                .append(symbol).append("_expected};\n");
        return c.toString();
    }

    /** {@code static const golden_action <symbol>_actions[]}, when there are any. */
    static void writeActions(StringBuilder c, String symbol, NetworkSpec spec, List<RecordedStimulus.Action> actions) {
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

    /** The committed golden values, read by column name as the Java test reads them. */
    private static long[][] committed(GoldenScenario scenario) {
        GoldenVector golden = Fixtures.golden(scenario.name());
        if (golden.rows() != scenario.ticks()) {
            throw new IllegalStateException(scenario.name() + ": " + golden.rows() + " golden rows for "
                    + scenario.ticks() + " ticks");
        }
        long[][] rows = new long[golden.rows()][scenario.columns().size()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = golden.value(r, scenario.columns().get(c).name());
            }
        }
        return rows;
    }

    /** The expected values, row-major. */
    private static void writeExpected(StringBuilder c, String symbol, long[][] expected) {
        int columns = expected.length == 0 ? 0 : expected[0].length;
        c.append("\nstatic const int64_t ").append(symbol).append("_expected[")
                .append(Math.max(1, expected.length * columns)).append("] = {\n");
        for (long[] row : expected) {
            c.append("   ");
            for (long value : row) {
                c.append(" INT64_C(").append(value).append("),");
            }
            c.append('\n');
        }
        c.append("};\n");
    }

    /** The file listing every scenario, in order. */
    static String index(List<GoldenScenario> scenarios) {
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
