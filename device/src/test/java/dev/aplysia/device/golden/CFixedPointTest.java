package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C core's fixed-point helpers and random streams give the Java core's results on every case of
 * {@link CFixedPointSource} (edge values, seeded random inputs, CounterRandomTest's pinned draws), built strictly and
 * under the sanitizers. Skips without gcc, fails without it under CI.
 */
class CFixedPointTest {

    private static HostGcc gcc;

    @BeforeAll
    static void writeSources() throws IOException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C fixed-point cases");
        gcc = new HostGcc(Path.of("target", "c-fixed-point"));
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.RUNNERS, "fx_runner.c");
        gcc.write("fx_cases.c", CFixedPointSource.source());
    }

    @ParameterizedTest(name = "sanitized {0}")
    @ValueSource(booleans = {false, true})
    void everyHelperGivesTheJavaResult(boolean sanitized) throws IOException, InterruptedException {
        String binary = sanitized ? "fx-sanitized" : "fx-strict";
        HostGcc.Result compiled = gcc.compile(binary, sanitized);
        assertEquals(0, compiled.exit(), "gcc:\n" + compiled.output());
        HostGcc.Result ran = gcc.execute(binary);
        assertTrue(ran.output().contains(CFixedPointSource.cases().size() + " passed, 0 failed"), ran.output());
        assertEquals(0, ran.exit(), ran.output());
    }
}
