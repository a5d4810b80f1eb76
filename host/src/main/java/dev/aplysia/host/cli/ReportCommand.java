package dev.aplysia.host.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code aplysia report}: figures of the README and docs, regenerated from runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate the figures the README and docs quote, from fresh runs.",
        subcommands = {ClaimsCommand.class})
public final class ReportCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
