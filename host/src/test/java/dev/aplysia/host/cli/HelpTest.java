package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    /** picocli reports a malformed description (an unescaped {@code %}) on the process's stderr, not the command's. */
    @Test
    void noHelpTextMakesPicocliWarn() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            List<List<String>> paths = new ArrayList<>();
            collect(AplysiaCommand.commandLine(), new ArrayList<>(), paths);
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CliRun.of(args.toArray(String[]::new));
            }
        } finally {
            System.setErr(original);
        }
        assertFalse(captured.toString().contains("WARN"), captured.toString());
    }

    @Test
    void everySubcommandAnswersHelpWithUsageAndExitZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(AplysiaCommand.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 2, "found " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), "help of " + path);
            assertTrue(run.out().contains("Usage:"), "usage of " + path + ": " + run.out());

        }
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> out) {
        out.add(prefix);
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                collect(sub, path, out);
            }
        });
    }
}
