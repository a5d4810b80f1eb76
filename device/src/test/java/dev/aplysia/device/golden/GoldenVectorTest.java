package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aplysia.device.core.Kernels;
import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.fixtures.golden.GoldenVector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The core against its committed golden vectors: every column of every row, tolerance 0. */
class GoldenVectorTest {

    static List<GoldenScenario> scenarios() {
        return GoldenScenarios.all();
    }

    /** Every scenario on the optimised kernels and on the reference interpreter. */
    static List<Arguments> scenariosOnBothKernels() {
        return scenarios().stream().flatMap(s -> Stream.of(Kernels.values()).map(k -> Arguments.of(s, k))).toList();
    }

    @ParameterizedTest
    @MethodSource("scenariosOnBothKernels")
    void theCoreReproducesEveryValueOfItsGoldenVector(GoldenScenario scenario, Kernels kernels) {
        GoldenVector golden = Fixtures.golden(scenario.name());
        assertEquals("0", golden.header().get("tolerance"));
        List<String> columns = scenario.columns().stream().map(Column::name).toList();
        assertEquals(columns, golden.columns());
        long[][] core = scenario.runCore(kernels);
        assertEquals(golden.rows(), core.length);
        for (int r = 0; r < core.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                long expected = golden.value(r, columns.get(c));
                if (expected != core[r][c]) {
                    assertEquals(expected, core[r][c], scenario.name() + " (" + kernels + ") row " + (r + 1) + " "
                            + columns.get(c));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theGeneratorReproducesTheCommittedFileByteForByte(GoldenScenario scenario) throws IOException {
        String path = "dev/aplysia/fixtures/golden/" + scenario.name() + ".csv";
        try (InputStream in = GoldenVectorTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path + " is not on the classpath: regenerate and reinstall fixtures");
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(committed, GoldenVectorGenerator.text(GoldenVectorGenerator.generate(scenario)));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theHeaderNamesTheGeneratorTheSeedAndZeroTolerance(GoldenScenario scenario) {
        Map<String, String> header = Fixtures.golden(scenario.name()).header();
        assertEquals(GoldenVectorGenerator.class.getName(), header.get("generator"));
        assertEquals(Long.toString(scenario.spec().seed()), header.get("seed"));
        assertEquals(scenario.description(), header.get("spec"));
        assertEquals("0", header.get("tolerance"));
    }

    @Test
    void theGeneratorWritesOneFilePerScenarioIntoTheGivenFolder(@TempDir Path folder) throws IOException {
        GoldenVectorGenerator.main(new String[] {folder.toString()});
        for (GoldenScenario scenario : scenarios()) {
            assertEquals(GoldenVectorGenerator.text(GoldenVectorGenerator.generate(scenario)),
                    Files.readString(folder.resolve(scenario.name() + ".csv"), StandardCharsets.UTF_8));
        }
    }
}
