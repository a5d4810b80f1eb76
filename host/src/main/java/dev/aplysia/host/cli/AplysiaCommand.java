package dev.aplysia.host.cli;

import dev.aplysia.device.telemetry.DeviceMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code aplysia} command line: the root of every subcommand. Exit codes: 0 ok, 1 failure, 2 usage. */
@Command(name = "aplysia", mixinStandardHelpOptions = true, versionProvider = AplysiaCommand.Version.class,
        description = "On-device local plasticity in fixed point, side by side with host backprop.",
        subcommands = {DemoCommand.class, CoreCommand.class, DeviceCommand.class, HostCommand.class, ReportCommand.class,
                ExportCommand.class, CommandLine.HelpCommand.class})
public final class AplysiaCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with the project's error handling: failures print one line naming the problem, exit 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AplysiaCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("aplysia: error: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    /** The version: the firmware's, which the telemetry meta and the report carry too. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aplysia " + DeviceMeta.FIRMWARE_VERSION};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
