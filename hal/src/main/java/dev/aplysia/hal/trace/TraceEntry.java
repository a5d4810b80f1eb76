package dev.aplysia.hal.trace;

import dev.aplysia.hal.ErrorKind;

/**
 * One line of a trace: {@code TICK CHANNEL OP VALUE [!KIND]}. {@code VALUE} is the value read or written; a failed
 * read has no value and writes {@code -}; {@code !KIND} marks an operation that failed with that {@link ErrorKind}.
 * <pre>
 * 12 button read 1
 * 12 sonar0 read - !IO
 * 12 led set 1
 * 12 clock nanos 12000000
 * 3611 clock steady 3599
 * </pre>
 * A clock read is a {@code nanos} entry, or one of the reads a {@code steady} entry stands for:
 * {@code E clock steady N} means that each of the N ticks {@code E-N+1 .. E} read the clock once, each reading one
 * step later than the reading before it, the step being the difference between the last two clock readings before
 * the run. A clock ticking at its period, as the simulated board's does, costs a few lines per recording instead of
 * one per tick. A run follows at least two readings and starts after the tick of the last one.
 *
 * @param line    the 1-based line number in the trace text
 * @param tick    the firmware tick ({@link dev.aplysia.hal.Board#beginTick})
 * @param channel the channel name, or {@code clock}
 * @param op      the operation
 * @param value   the value read or written; 0 for a failed read; the number of reads of a steady run
 * @param failure the kind of failure, or {@code null} when the operation succeeded
 */
public record TraceEntry(int line, long tick, String channel, TraceOp op, long value, ErrorKind failure) {

    /** The channel name under which clock reads are recorded. */
    public static final String CLOCK = "clock";

    /** Whether the operation failed. */
    public boolean failed() {
        return failure != null;
    }

    /** The entry as a trace line, without the line break. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        appendLine(text, tick, channel, op, value, failure);
        text.setLength(text.length() - 1);
        return text.toString();
    }

    /** Appends one trace line, with its line break; the only place the line format is written. */
    static void appendLine(StringBuilder out, long tick, String channel, TraceOp op, long value, ErrorKind failure) {
        out.append(tick).append(' ').append(channel).append(' ').append(op.word()).append(' ');
        if (failure != null && !op.isOutput()) {
            out.append('-');
        } else {
            out.append(value);
        }
        if (failure != null) {
            out.append(" !").append(failure.name());
        }
        out.append('\n');
    }
}
