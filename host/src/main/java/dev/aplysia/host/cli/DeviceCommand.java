package dev.aplysia.host.cli;

import dev.aplysia.node.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code aplysia device}: run the firmware on a board, or the learning-robot replay. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Run the firmware: on the simulated board or a Raspberry Pi, or the learning-robot replay.",
        subcommands = {RobotCommand.class, WorldCommand.class, RunCommand.class, LabCommand.class,
                FleetCommand.class})
public final class DeviceCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
