package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.RandomSpecs;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PlasticityRule;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The C core against the Java core on random networks ({@link RandomSpecs} with consolidation, weight-sum
 * normalisation and synapse factors: paths no golden vector covers), random input spikes, modulator changes and
 * activity resets; every weight, eligibility, consolidation, trace, membrane, spike, the modulator and the baseline
 * are compared after every tick with tolerance 0, under the sanitizers.
 */
class CDifferentialTest {

    private static final int NETWORKS = 40;
    private static final int TICKS = 60;
    /** Small networks keep the generated expectations (every variable, every tick) to a few megabytes of C. */
    private static final int MAX_INPUTS = 10;
    private static final int MAX_NEURONS = 6;

    @Test
    void theCCoreMatchesTheJavaCoreOnRandomNetworks() throws IOException, InterruptedException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C differential test");
        HostGcc gcc = new HostGcc(Path.of("target", "c-differential"));
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.GOLDENS, "golden.h", "golden_actions.c", "golden_runner.c");
        List<GoldenScenario> scenarios = IntStream.rangeClosed(1, NETWORKS).mapToObj(CDifferentialTest::scenario)
                .toList();
        for (GoldenScenario scenario : scenarios) {
            gcc.write(CGoldenSource.fileName(scenario),
                    CGoldenSource.scenario(scenario, scenario.runCore(Kernels.REFERENCE)));
        }
        gcc.write(CGoldenSource.INDEX, CGoldenSource.index(scenarios));

        HostGcc.Result compiled = gcc.compile("differential", true);
        assertEquals(0, compiled.exit(), "gcc:\n" + compiled.output());
        HostGcc.Result ran = gcc.execute("differential");

        assertTrue(ran.output().contains(NETWORKS + " passed, 0 failed"), ran.output());
        assertEquals(0, ran.exit(), ran.output());
    }

    /** Random network {@code seed} under random spikes, modulator and an occasional activity reset. */
    private static GoldenScenario scenario(int seed) {
        SplittableRandom random = new SplittableRandom(1000 + seed);
        NetworkSpec spec = RandomSpecs.network(random, seed, true, MAX_INPUTS, MAX_NEURONS);
        PopulationSpec in = spec.population("in");
        double spikeChance = 0.05 + 0.9 * random.nextDouble();
        boolean[][] spikes = new boolean[TICKS + 1][in.size()];
        double[] modulator = new double[TICKS + 1];
        boolean[] reset = new boolean[TICKS + 1];
        for (int t = 1; t <= TICKS; t++) {
            for (int i = 0; i < in.size(); i++) {
                spikes[t][i] = random.nextDouble() < spikeChance;
            }
            modulator[t] = random.nextInt(8) == 0 ? (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 4 - 2)
                    : Double.NaN;
            reset[t] = random.nextInt(40) == 0;
        }
        Stimulus stimulus = (t, drive) -> {
            if (reset[t]) {
                drive.resetActivity();
            }
            drive.spikes("in", IntStream.range(0, in.size()).filter(i -> spikes[t][i]).toArray());
            if (!Double.isNaN(modulator[t])) {
                drive.modulator(modulator[t]);
            }
        };
        return new GoldenScenario("differential-" + seed, "random network " + seed + ": " + spec.projections().get(0)
                .rule().name(), spec, TICKS, stimulus, columns(spec));
    }

    /** Every variable of the network, as probes. */
    private static List<Column> columns(NetworkSpec spec) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.probed("modulator", new Probe(Probe.Kind.MODULATOR, "", 0, 0)));
        for (PopulationSpec p : spec.populations()) {
            for (int i = 0; i < p.size(); i++) {
                columns.add(Column.probed(p.name() + "_spike" + i, new Probe(Probe.Kind.SPIKE, p.name(), i, 0)));
                columns.add(Column.probed(p.name() + "_trace" + i, new Probe(Probe.Kind.TRACE, p.name(), i, 0)));
                if (!p.isInput()) {
                    columns.add(Column.probed(p.name() + "_v" + i, new Probe(Probe.Kind.MEMBRANE, p.name(), i, 0)));
                }
            }
        }
        for (ProjectionSpec projection : spec.projections()) {
            String name = projection.name();
            int pre = spec.population(projection.pre()).size();
            int post = spec.population(projection.post()).size();
            PlasticityRule rule = projection.rule();
            columns.add(Column.probed(name + "_baseline", new Probe(Probe.Kind.BASELINE, name, 0, 0)));
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    int s = i * post + j;
                    columns.add(Column.probed(name + "_w" + s, new Probe(Probe.Kind.WEIGHT, name, i, j)));
                    if (rule.hasEligibility()) {
                        columns.add(Column.probed(name + "_e" + s, new Probe(Probe.Kind.ELIGIBILITY, name, s, 0)));
                    }
                    if (rule.hasConsolidation()) {
                        columns.add(Column.probed(name + "_c" + s, new Probe(Probe.Kind.CONSOLIDATION, name, s, 0)));
                    }
                }
            }
        }
        return columns;
    }
}
