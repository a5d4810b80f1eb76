package dev.aplysia.device.command;

import dev.aplysia.device.wire.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command looks like: its name (the last topic level of {@code cmd/{name}}), the fields its payload must carry,
 * and rules across fields. A payload must have exactly these fields, plus an optional correlation {@code id}.
 *
 * @param rules checked in order after every field fits its {@link FieldSpec}
 */
public record CommandSpec(String name, List<FieldSpec> fields, List<Rule> rules) {

    public CommandSpec {
        Names.require("command name", name);
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("command " + name + ": duplicate field " + field.name());
            }
        }
    }

    /** A command with these fields and no cross-field rule. */
    public static CommandSpec of(String name, FieldSpec... fields) {
        return new CommandSpec(name, List.of(fields), List.of());
    }

    /** This spec with one more rule. */
    public CommandSpec where(Rule rule) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(rule);
        return new CommandSpec(name, fields, more);
    }

    /** The field called {@code name}, or null. */
    FieldSpec field(String fieldName) {
        for (FieldSpec field : fields) {
            if (field.name().equals(fieldName)) {
                return field;
            }
        }
        return null;
    }

    /** A check across the fields of a command whose fields each passed their own checks. */
    @FunctionalInterface
    public interface Rule {
        /** Why {@code command} is not acceptable (a message naming what is wrong), or null if it is. */
        String violation(Command command);
    }
}
