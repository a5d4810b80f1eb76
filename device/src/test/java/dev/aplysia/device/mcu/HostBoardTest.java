package dev.aplysia.device.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The board self-check on the host port, built by the host's gcc as it is and under UBSan and ASan. */
class HostBoardTest {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    /** make host-check runs the plain build, then the sanitized one: each prints its summary, and none fails. */
    @Test
    void theSelfCheckPassesBuiltPlainAndUnderSanitizers() throws Exception {
        RequiredPackage.require(SelfCheckMake.onPath("gcc") && SelfCheckMake.onPath("make"),
                "gcc and make (Debian packages gcc, make) are not installed");
        SelfCheckMake.Result run = SelfCheckMake.run("host-check");
        assertEquals(0, run.exitCode(), run.output());
        List<Matcher> summaries = run.lines().stream().map(SUMMARY::matcher).filter(Matcher::matches).toList();
        assertEquals(2, summaries.size(), run.output());
        for (Matcher summary : summaries) {
            assertTrue(Integer.parseInt(summary.group(1)) > 0, run.output());
            assertEquals("0", summary.group(2), run.output());
        }
    }
}
