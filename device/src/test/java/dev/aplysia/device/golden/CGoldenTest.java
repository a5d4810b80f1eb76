package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C core against every committed golden vector on host gcc, tolerance 0 per tick and per column: the C core's
 * sources, the scenarios {@link CGoldenSource} generates for an exported project and the packaged golden runner are
 * compiled strictly (with {@code -pedantic}, which the exported Makefile leaves out) and again under the
 * undefined-behaviour and address sanitizers ({@link HostGcc}), and each build must print {@code N passed, 0 failed}
 * for all N scenarios and exit 0. Skips without gcc, fails without it under CI.
 */
class CGoldenTest {

    /** The committed golden vectors, from the fixtures module, as the export reads them. */
    static final CGoldenSource.CommittedVectors COMMITTED = (vector, column) -> Fixtures.golden(vector)
            .column(column);
    private static final Path PROJECT = Path.of("target", "c-golden");

    private static HostGcc gcc;

    @BeforeAll
    static void writeSources() throws IOException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C goldens");
        CGoldenSource.write(PROJECT, COMMITTED);
        gcc = new HostGcc(PROJECT.resolve(CGoldenSource.FOLDER));
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.GOLDENS, "golden.h", "golden_actions.c", "golden_runner.c");
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
