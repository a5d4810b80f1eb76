package dev.aplysia.host.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code aplysia core}: the fixed-point core's canonical protocols and on-device learning of real digits. */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Run the fixed-point core: canonical protocols and on-device learning.",
        subcommands = {DigitsCommand.class, FiCurveCommand.class, StdpWindowCommand.class, Song2000Command.class})
public final class CoreCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
