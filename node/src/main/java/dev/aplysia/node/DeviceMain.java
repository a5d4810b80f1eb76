package dev.aplysia.node;

import dev.aplysia.device.telemetry.DeviceMeta;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code aplysia-device}: the device-only command line, what a Raspberry Pi runs. Exit codes: 0 ok, 1 failure,
 * 2 usage.
 */
@Command(name = "aplysia-device", mixinStandardHelpOptions = true, versionProvider = DeviceMain.Version.class,
        description = "The Aplysia firmware on its own: learns on the board, reports and obeys over MQTT.",
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class DeviceMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Turns the libraries' debug log on; accepted before or after the subcommand. */
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log the libraries' diagnostics (Pi4J) from debug level up to stderr; default: warnings.")
    void verbose(boolean on) {
        if (on) {
            DeviceLog.verbose();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with the project's error handling: failures print one line naming the problem, exit 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DeviceMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("aplysia-device: error: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    /** The firmware's version, as the telemetry meta carries it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aplysia-device " + DeviceMeta.FIRMWARE_VERSION};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
