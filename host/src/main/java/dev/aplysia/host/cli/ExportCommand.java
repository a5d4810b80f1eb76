package dev.aplysia.host.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code aplysia export}: the firmware as a self-contained project for another toolchain. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the firmware as a self-contained project for another toolchain.",
        subcommands = {ExportCCommand.class})
public final class ExportCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
