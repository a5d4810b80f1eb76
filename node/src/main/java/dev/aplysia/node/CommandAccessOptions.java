package dev.aplysia.node;

import dev.aplysia.device.command.RateLimit;
import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.hal.time.SystemClock;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which commands a device obeys from its broker, and how often (see {@link CommandAccess}). */
public final class CommandAccessOptions {

    @Option(names = CommandAccess.OPTION, defaultValue = "operation", description = "Command groups obeyed from"
            + " the broker, comma-separated: operation (start, stop, set learning, resume), state (load-weights,"
            + " reset, set modulator), storage (snapshot), or none. halt is always obeyed (default: ${DEFAULT-VALUE}).")
    String allowCommands;

    @Option(names = CommandAccess.RATE_OPTION, defaultValue = "20", description = "At most this many state and"
            + " storage commands a minute, in bursts of as many (default: ${DEFAULT-VALUE}).")
    int commandRate;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * The access these options describe, rate-limited on the JVM's clock.
     *
     * @throws CommandLine.ParameterException naming the option, for an unknown group or a rate below 1
     */
    CommandAccess access() {
        if (commandRate < 1) {
            throw new CommandLine.ParameterException(mixee.commandLine(), CommandAccess.RATE_OPTION + " must be at"
                    + " least 1 a minute, got " + commandRate);
        }
        try {
            return new CommandAccess(CommandAccess.parse(allowCommands), new RateLimit(commandRate,
                    SystemClock.INSTANCE));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), CommandAccess.OPTION + ": "
                    + e.getMessage());
        }
    }
}
