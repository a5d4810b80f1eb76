package dev.aplysia.host.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aplysia} command line: the root of every subcommand. */
@Command(name = "aplysia", mixinStandardHelpOptions = true, version = "aplysia 0.1.0",
        description = "On-device local plasticity in fixed point, side by side with host backprop.")
public final class AplysiaCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AplysiaCommand()).execute(args));
    }
}
