package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsCommandTest {

    @Test
    void aSectionsBodyIsReplacedAndEverythingAroundItKept() {
        String text = "intro\n<!-- claims:budget -->\nold\ntable\n<!-- /claims:budget -->\noutro\n";
        assertEquals("intro\n<!-- claims:budget -->\nnew\n<!-- /claims:budget -->\noutro\n",
                ClaimsCommand.replaceSection(text, "budget", "new\n"));
    }

    @Test
    void aReadmeWithoutTheMarkersIsAUsageErrorBeforeAnythingRunsAndIsLeftAsItWas(@TempDir Path dir)
            throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "no markers here\n<!-- claims:budget --><!-- /claims:budget -->\n");
        CliRun run = CliRun.of("report", "claims", "--readme", readme.toString(), "--out",
                dir.resolve("claims.md").toString(), "--chart", dir.resolve("budget.png").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("<!-- claims:fewshot -->"), run.err());
        assertEquals("no markers here\n<!-- claims:budget --><!-- /claims:budget -->\n", Files.readString(readme));
        assertTrue(Files.notExists(dir.resolve("claims.md")));
    }
}
