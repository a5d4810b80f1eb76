package dev.aplysia.host.cli;

import dev.aplysia.fixtures.Fixtures;
import dev.aplysia.host.experiment.DigitsSplit;
import picocli.CommandLine;

/** Parses a {@code --split} option: {@code test} or {@code validation}, a usage error naming the value otherwise. */
final class Splits {

    private Splits() {
    }

    static DigitsSplit parse(CommandLine.Model.CommandSpec spec, String name) {
        try {
            return DigitsSplit.named(name, Fixtures.optdigits());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split: " + e.getMessage());
        }
    }
}
