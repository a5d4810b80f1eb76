package dev.aplysia.host.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code aplysia host}: the host side on its own, against a device running elsewhere. */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "The host side: compare with a device running elsewhere (another process, a Raspberry Pi), the"
                + " baselines that explain the comparison, the live page of every device on a broker, and the ingest"
                + " benchmark.",
        subcommands = {CompareCommand.class, BaselinesCommand.class, WatchCommand.class, IngestCommand.class})
public final class HostCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
