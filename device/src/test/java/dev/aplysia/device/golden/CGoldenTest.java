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
 * The C core against every committed golden vector on host gcc, tolerance 0 per tick and per column: the C core's
 * sources, the generated scenarios and the runner are compiled strictly and again under the undefined-behaviour and
 * address sanitizers ({@link HostGcc}), and each build must print {@code N passed, 0 failed} for all N scenarios and
 * exit 0. Skips without gcc, fails without it under CI.
 */
class CGoldenTest {

    private static HostGcc gcc;

    @BeforeAll
    static void writeSources() throws IOException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C goldens");
        gcc = new HostGcc(Path.of("target", "c-golden"));
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.RUNNERS, "golden.h", "golden_actions.c", "golden_runner.c");
        for (GoldenScenario scenario : GoldenScenarios.all()) {
            gcc.write(CGoldenSource.fileName(scenario), CGoldenSource.scenario(scenario));
        }
        gcc.write(CGoldenSource.INDEX, CGoldenSource.index(GoldenScenarios.all()));
    }

    @ParameterizedTest(name = "sanitized {0}")
    @ValueSource(booleans = {false, true})
    void everyGoldenVectorMatchesOnTheCCore(boolean sanitized) throws IOException, InterruptedException {
        String binary = sanitized ? "golden-sanitized" : "golden-strict";
        HostGcc.Result compiled = gcc.compile(binary, sanitized);
        assertEquals(0, compiled.exit(), "gcc:\n" + compiled.output());
        HostGcc.Result ran = gcc.execute(binary);
        int scenarios = GoldenScenarios.all().size();
        assertTrue(ran.output().contains(scenarios + " passed, 0 failed"), ran.output());
        assertEquals(0, ran.exit(), ran.output());
    }
}
