package dev.aplysia.node;

import dev.aplysia.device.model.McuProfile;
import picocli.CommandLine;

/** Parses {@code --profile} values into MCU profiles, as a usage error naming the known ones. */
public final class Profiles {

    private Profiles() {
    }

    public static McuProfile parse(CommandLine.Model.CommandSpec spec, String id) {
        try {
            return McuProfile.byId(id);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }
}
