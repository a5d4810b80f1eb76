package dev.aplysia.device.model;

import dev.aplysia.device.core.OpCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a tick of the core costs on a microcontroller: instructions per counted operation of the C core
 * ({@link OpCounters}), measured under QEMU with its instruction counter and fitted over the cost calibration's
 * networks ({@code McuCostCalibrationTest}, which also keeps the committed tables equal to a fresh measurement),
 * and the core's cycles per instruction. Read from {@code costs-TARGET.properties} beside this class.
 *
 * @param target              the {@code -mcpu} the instructions were measured for
 * @param instructions        instructions per operation, in {@link #OPERATIONS} order
 * @param cyclesPerInstruction the core's cycles per instruction, for the mix of the core's loops (docs/mcu.md)
 * @param measured            true when {@code target} is the profile's own instruction set; false when borrowed
 */
public record CostModel(String target, List<Double> instructions, double cyclesPerInstruction, boolean measured) {

    /** The operations, as named in the tables: a tick's fixed cost first, then one per {@link OpCounters} count. */
    public static final List<String> OPERATIONS = List.of("tick", "neuron_update", "trace_update", "synaptic_event",
            "synapse_update", "term_update", "activity_check", "event_trace_read", "eligibility_decay",
            "normalised_synapse");

    public CostModel {
        instructions = List.copyOf(instructions);
        if (instructions.size() != OPERATIONS.size()) {
            throw new IllegalArgumentException(instructions.size() + " costs for " + OPERATIONS.size()
                    + " operations " + OPERATIONS);
        }
    }

    /** The table measured for {@code target}, costed at {@code cyclesPerInstruction}. */
    public static CostModel measured(String target, double cyclesPerInstruction) {
        return new CostModel(target, table(target), cyclesPerInstruction, true);
    }

    /** The table of {@code target} borrowed for a core whose own instruction set is not emulated here. */
    public static CostModel borrowed(String target, double cyclesPerInstruction) {
        return new CostModel(target, table(target), cyclesPerInstruction, false);
    }

    /** The committed table of {@code target}, in {@link #OPERATIONS} order. */
    public static List<Double> table(String target) {
        String name = "costs-" + target + ".properties";
        Properties table = new Properties();
        try (InputStream in = CostModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no cost table " + name + " beside " + CostModel.class.getName());
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OPERATIONS.stream().map(op -> {
            String value = table.getProperty(op);
            if (value == null) {
                throw new IllegalStateException(name + " has no cost for " + op);
            }
            return Double.parseDouble(value);
        }).toList();
    }

    /** The counts of {@code counters}, as the operations' amounts in {@link #OPERATIONS} order. */
    public static long[] amounts(OpCounters counters) {
        return new long[] {counters.ticks(), counters.neuronUpdates(), counters.traceUpdates(),
            counters.synapticEvents(), counters.synapseUpdates(), counters.termUpdates(), counters.activityChecks(),
            counters.eventTraceReads(), counters.eligibilityDecays(), counters.normalisedSynapses()};
    }

    /** Estimated instructions of the work counted between {@code before} and {@code after}. Allocation-free. */
    public double instructions(OpCounters before, OpCounters after) {
        return instructions.get(0) * (after.ticks() - before.ticks())
                + instructions.get(1) * (after.neuronUpdates() - before.neuronUpdates())
                + instructions.get(2) * (after.traceUpdates() - before.traceUpdates())
                + instructions.get(3) * (after.synapticEvents() - before.synapticEvents())
                + instructions.get(4) * (after.synapseUpdates() - before.synapseUpdates())
                + instructions.get(5) * (after.termUpdates() - before.termUpdates())
                + instructions.get(6) * (after.activityChecks() - before.activityChecks())
                + instructions.get(7) * (after.eventTraceReads() - before.eventTraceReads())
                + instructions.get(8) * (after.eligibilityDecays() - before.eligibilityDecays())
                + instructions.get(9) * (after.normalisedSynapses() - before.normalisedSynapses());
    }

    /** Estimated core cycles of the work counted between {@code before} and {@code after}, rounded up. */
    public long cycles(OpCounters before, OpCounters after) {
        return (long) Math.ceil(instructions(before, after) * cyclesPerInstruction);
    }

    /** One line for reports: where the costs come from. */
    public String describe() {
        return String.format(Locale.ROOT, "%s instruction costs (%s), %.2f cycles per instruction", target,
                measured ? "measured under QEMU" : "borrowed: this core's instruction set is not emulated here",
                cyclesPerInstruction);
    }
}
