package dev.aplysia.device.golden;

import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.export.CProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writing an exported project with its golden vectors, running one of its make targets, and reading its transcript. */
final class CProjectRun {

    private CProjectRun() {
    }

    /** Writes {@code project} and the committed golden vectors into {@code folder} and runs {@code make target}. */
    static HostGcc.Result make(CProject project, Path folder, String target) throws IOException, InterruptedException {
        HostGcc directory = new HostGcc(folder);
        project.write(folder);
        CGoldenSource.write(folder, CGoldenTest.COMMITTED);
        return directory.run(List.of("make", target));
    }

    /** The line the project's runner ends with when every transcript line matched. */
    static String passLine(CProject project) {
        return project.transcript().size() + " passed, 0 failed";
    }

    /** "" when equal, else the first differing line of both. */
    static String firstDifference(List<String> java, List<String> c) {
        for (int i = 0; i < Math.max(java.size(), c.size()); i++) {
            String expected = i < java.size() ? java.get(i) : "(end)";
            String got = i < c.size() ? c.get(i) : "(end)";
            if (!expected.equals(got)) {
                return "line " + (i + 1) + ": Java \"" + expected + "\", C \"" + got + "\"";
            }
        }
        return "";
    }
}
