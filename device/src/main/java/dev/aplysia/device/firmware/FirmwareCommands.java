package dev.aplysia.device.firmware;

import dev.aplysia.device.command.Command;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.command.CommandSpec;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.hal.HalException;
import java.util.List;

/**
 * Applies the commands a {@link CommandProcessor} validated to a running {@link Firmware}, on the tick thread,
 * between ticks ({@link dev.aplysia.device.firmware.FirmwareRunner}'s hook), and acknowledges each after applying it:
 * <ul>
 *   <li>{@code start {experiment}} / {@code stop {}}: learning on / off (teaching inputs are read either way);</li>
 *   <li>{@code set {name, value}}: {@code learning} 0 or 1, {@code modulator} in [0, 4) for the next learned
 *       sample;</li>
 *   <li>{@code snapshot {}}: save a snapshot now; refused with the storage's reason if it fails;</li>
 *   <li>{@code load-weights {projection, offset, weights}}: the application's loadable projection (the classifier's
 *       readout {@value #READOUT}, the reward robot's sensor-to-action weights) learned elsewhere;</li>
 *   <li>{@code reset {}}: refused — a running firmware keeps its learned state; to start over, restart it with
 *       {@code --new-network}, which archives the old snapshots;</li>
 *   <li>{@code halt {}}: every output to its safe value, held there; nothing is sensed, driven or learned until
 *       {@code resume {}}, which drives again from the next decision (see {@link Firmware#halt}).</li>
 * </ul>
 * Anything malformed or out of range never gets here: the processor refuses it and the firmware's state is untouched;
 * so does a command {@link CommandAccess} does not allow (see {@link #specs}).
 */
public final class FirmwareCommands implements Runnable {

    /** The loadable projection: feature-to-class weights. */
    public static final String READOUT = "features-output";
    /** Drive every output to its safe value and hold it there. */
    public static final String HALT = "halt";
    /** Drive the outputs again after a halt. */
    public static final String RESUME = "resume";

    private final CommandProcessor commands;
    private final Firmware firmware;

    /** Applies {@code commands} to {@code firmware}. */
    public FirmwareCommands(CommandProcessor commands, Firmware firmware) {
        this.commands = commands;
        this.firmware = firmware;
    }

    /** The command catalog of a firmware running {@code classifier}: its loadable projection is the readout. */
    public static CommandCatalog catalog(ClassifierConfig classifier) {
        return catalog(READOUT, classifier.hidden() * classifier.classes(), 0, 1);
    }

    /**
     * The command catalog of a firmware whose loadable projection is {@code projection}, of {@code weights} weights
     * each in [{@code min}, {@code max}]: every application of the loop takes the same commands.
     */
    public static CommandCatalog catalog(String projection, int weights, double min, double max) {
        return new CommandCatalog().parameter("learning", 0, 1).parameter("modulator", 0, 3.999)
                .projection(projection, weights, min, max)
                .command(CommandSpec.of(HALT)).command(CommandSpec.of(RESUME));
    }

    /** The specs a processor checks payloads against: the catalog's, each guarded by {@code access}. */
    public static List<CommandSpec> specs(ClassifierConfig classifier, CommandAccess access) {
        return specs(catalog(classifier), access);
    }

    /** The specs of {@code catalog}, each guarded by {@code access}. */
    public static List<CommandSpec> specs(CommandCatalog catalog, CommandAccess access) {
        return catalog.specs().stream().map(spec -> spec.where(access)).toList();
    }

    /** Applies every pending command. */
    @Override
    public void run() {
        for (Command command = commands.poll(); command != null; command = commands.poll()) {
            apply(command);
        }
    }

    private void apply(Command command) {
        switch (command.name()) {
            case CommandCatalog.START -> learning(command, true);
            case CommandCatalog.STOP -> learning(command, false);
            case CommandCatalog.SET -> set(command);
            case CommandCatalog.SNAPSHOT -> snapshot(command);
            case CommandCatalog.LOAD_WEIGHTS -> loadWeights(command);
            case HALT -> halt(command);
            case RESUME -> resume(command);
            default -> commands.reject(command, "a running firmware keeps its learned state: to start over, restart"
                    + " it with --new-network, which archives the old snapshots");
        }
    }

    private void learning(Command command, boolean on) {
        firmware.setLearning(on);
        commands.acknowledge(command);
    }

    private void set(Command command) {
        double value = command.number("value");
        if (command.text("name").equals("learning")) {
            firmware.setLearning(value != 0);
        } else {
            firmware.signalModulator(value);
        }
        commands.acknowledge(command);
    }

    private void snapshot(Command command) {
        long before = firmware.counters().checkpoints();
        firmware.checkpoint();
        if (firmware.counters().checkpoints() > before) {
            commands.acknowledge(command);
        } else {
            commands.reject(command, "the snapshot could not be saved (see event/checkpoint)");
        }
    }

    private void halt(Command command) {
        try {
            firmware.halt(HaltCause.COMMAND);
            commands.acknowledge(command);
        } catch (HalException e) {
            commands.reject(command, "halted, but a safe value could not be written: " + e.getMessage());
        }
    }

    private void resume(Command command) {
        firmware.resume();
        commands.acknowledge(command);
    }

    private void loadWeights(Command command) {
        int offset = (int) command.integer("offset");
        for (int k = 0; k < command.count("weights"); k++) {
            firmware.loadWeight(command.text("projection"), offset + k, command.number("weights", k));
        }
        commands.acknowledge(command);
    }
}
