package dev.aplysia.hal.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The operations a trace records, by the word that names each in the trace format. */
public enum TraceOp {
    /** A digital input level (0/1) or analog input counts read. */
    READ("read", false),
    /** The rising-edge count a digital input's poll returned. */
    RISE("rise", false),
    /** The falling-edge count a digital input's poll returned. */
    FALL("fall", false),
    /** A digital output set to a level (0/1). */
    SET("set", true),
    /** A PWM output set to a duty (counts). */
    DUTY("duty", true),
    /** A clock read, in nanoseconds; the channel is {@code clock}. */
    NANOS("nanos", false),
    /**
     * A steady run of clock reads, its value the number of reads; the channel is {@code clock}. See
     * {@link TraceEntry} for what a run stands for.
     */
    STEADY("steady", false);

    private final String word;
    private final boolean output;

    TraceOp(String word, boolean output) {
        this.word = word;
        this.output = output;
    }

    /** The word naming this operation in a trace line. */
    public String word() {
        return word;
    }

    /** Whether the firmware writes the value (an output) rather than reads it (an input). */
    public boolean isOutput() {
        return output;
    }

    /** The operation named {@code word}, if any. */
    public static Optional<TraceOp> ofWord(String word) {
        return Arrays.stream(values()).filter(op -> op.word.equals(word)).findFirst();
    }

    /** Every operation word, for messages. */
    public static List<String> words() {
        return Arrays.stream(values()).map(TraceOp::word).toList();
    }
}
