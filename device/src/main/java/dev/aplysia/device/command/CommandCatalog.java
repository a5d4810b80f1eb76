package dev.aplysia.device.command;

import dev.aplysia.device.wire.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The firmware's standard commands, with the settable parameters and loadable projections it registers:
 * <ul>
 *   <li>{@code start {experiment}}: begin a run; {@code experiment} 1 to 64 characters;</li>
 *   <li>{@code stop {}}, {@code reset {}}, {@code snapshot {}};</li>
 *   <li>{@code set {name, value}}: {@code name} a registered parameter, {@code value} within its range;</li>
 *   <li>{@code load-weights {projection, offset, weights}}: write {@code weights} (1 to
 *       {@value #MAX_WEIGHTS_PER_COMMAND} numbers, each within the projection's range) into a registered projection
 *       starting at weight index {@code offset}; larger projections are loaded in several commands.</li>
 * </ul>
 * A device may add commands of its own ({@link #command}).
 */
public final class CommandCatalog {

    /** Begin a run. */
    public static final String START = "start";
    /** End the run. */
    public static final String STOP = "stop";
    /** Return the network to its initial state. */
    public static final String RESET = "reset";
    /** Save a snapshot of the learned state. */
    public static final String SNAPSHOT = "snapshot";
    /** Change a registered parameter. */
    public static final String SET = "set";
    /** Write a chunk of a projection's weights. */
    public static final String LOAD_WEIGHTS = "load-weights";
    /** The most weights one {@code load-weights} carries; 256 numbers stay well inside the 4 KiB payload limit. */
    public static final int MAX_WEIGHTS_PER_COMMAND = 256;
    /** The longest experiment name. */
    public static final int MAX_EXPERIMENT_LENGTH = 64;

    private final Map<String, Range> parameters = new LinkedHashMap<>();
    private final Map<String, WeightTarget> projections = new LinkedHashMap<>();
    private final List<CommandSpec> ownCommands = new ArrayList<>();

    /**
     * Makes parameter {@code name} settable to values in {@code [min, max]}.
     *
     * @throws IllegalArgumentException for a name that is not a word of {@code A-Z a-z 0-9 _ -} or is taken
     */
    public CommandCatalog parameter(String name, double min, double max) {
        Names.require("parameter name", name);
        if (parameters.putIfAbsent(name, new Range(min, max)) != null) {
            throw new IllegalArgumentException("parameter " + name + " is already registered");
        }
        return this;
    }

    /**
     * Makes projection {@code name} loadable: {@code size} weights, each in {@code [minWeight, maxWeight]} (the
     * values the firmware can represent, in the units it reads them in).
     */
    public CommandCatalog projection(String name, int size, double minWeight, double maxWeight) {
        Names.require("projection name", name);
        if (size < 1) {
            throw new IllegalArgumentException("projection " + name + ": size must be positive, got " + size);
        }
        if (projections.putIfAbsent(name, new WeightTarget(size, new Range(minWeight, maxWeight))) != null) {
            throw new IllegalArgumentException("projection " + name + " is already registered");
        }
        return this;
    }

    /**
     * Adds a command of the device's own, after the standard ones.
     *
     * @throws IllegalArgumentException if a standard or added command already has its name
     */
    public CommandCatalog command(CommandSpec spec) {
        if (specs().stream().anyMatch(known -> known.name().equals(spec.name()))) {
            throw new IllegalArgumentException("command " + spec.name() + " is already in the catalog");
        }
        ownCommands.add(spec);
        return this;
    }

    /** The specs of the six standard commands, reflecting the registrations so far, then the device's own. */
    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(CommandSpec.of(START, FieldSpec.text("experiment", MAX_EXPERIMENT_LENGTH)));
        specs.add(CommandSpec.of(STOP));
        specs.add(CommandSpec.of(RESET));
        specs.add(CommandSpec.of(SNAPSHOT));
        specs.add(setSpec());
        specs.add(loadWeightsSpec());
        specs.addAll(ownCommands);
        return specs;
    }

    private CommandSpec setSpec() {
        Map<String, Range> known = Map.copyOf(parameters);
        return CommandSpec.of(SET, FieldSpec.choice("name", List.copyOf(parameters.keySet())),
                        FieldSpec.number("value", -Double.MAX_VALUE, Double.MAX_VALUE))
                .where(c -> known.get(c.text("name")).violation("value", c.number("value"),
                        "parameter '" + c.text("name") + "'"));
    }

    private CommandSpec loadWeightsSpec() {
        Map<String, WeightTarget> known = Map.copyOf(projections);
        return CommandSpec.of(LOAD_WEIGHTS, FieldSpec.choice("projection", List.copyOf(projections.keySet())),
                        FieldSpec.integer("offset", 0, Integer.MAX_VALUE),
                        FieldSpec.numbers("weights", MAX_WEIGHTS_PER_COMMAND, -Double.MAX_VALUE, Double.MAX_VALUE))
                .where(c -> known.get(c.text("projection")).violation(c));
    }

    private record Range(double min, double max) {
        Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
            }
        }

        String violation(String field, double value, String of) {
            return value >= min && value <= max ? null : field + " " + FieldSpec.number(value) + " is outside "
                    + FieldSpec.range(min, max) + " for " + of;
        }
    }

    private record WeightTarget(int size, Range range) {
        String violation(Command c) {
            String projection = "projection '" + c.text("projection") + "'";
            long offset = c.integer("offset");
            int count = c.count("weights");
            if (offset + count > size) {
                return "weights at offset " + offset + " (" + count + " values) run past the end of " + projection
                        + " (" + size + " weights)";
            }
            for (int k = 0; k < count; k++) {
                String outside = range.violation("weights element " + k, c.number("weights", k), projection);
                if (outside != null) {
                    return outside;
                }
            }
            return null;
        }
    }
}
