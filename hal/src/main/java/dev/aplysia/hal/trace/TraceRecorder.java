package dev.aplysia.hal.trace;

import dev.aplysia.hal.Board;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import dev.aplysia.hal.time.WallClock;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A board that records every channel read and write and every clock read of the board it wraps, as {@link TraceEntry}
 * lines keyed by the tick the firmware passes to {@link #beginTick}. Works on any board: record on the Raspberry Pi,
 * replay in simulation.
 *
 * <p>Not recorded: {@code isSetHigh()} (the firmware's own output state), {@code maxDuty()}/{@code maxValue()}
 * (configuration), the pacer, and storage (a replay takes its storage from the caller).
 *
 * <p>Lines collect in a buffer that goes to the sink at each {@link #beginTick}, at {@link #flush} and at
 * {@link #close}; the sink is neither flushed nor closed. Recording appends numbers without formatting objects; the
 * only allocations are the buffer's growth and whatever the sink does with each tick's text.
 */
public final class TraceRecorder implements Board {

    private final Board inner;
    private final Appendable sink;
    private final StringBuilder pending = new StringBuilder(4096);
    private final Map<String, DigitalInput> digitalInputs = new HashMap<>();
    private final Map<String, DigitalOutput> digitalOutputs = new HashMap<>();
    private final Map<String, PwmOutput> pwmOutputs = new HashMap<>();
    private final Map<String, AnalogInput> analogInputs = new HashMap<>();
    private final Clock clock;
    private long tick;

    /** Records the operations on {@code inner} into {@code sink}. */
    public TraceRecorder(Board inner, Appendable sink) {
        this.inner = inner;
        this.sink = sink;
        this.clock = new RecordingClock(inner.clock());
    }

    @Override
    public DigitalInput digitalInput(String name) throws HalException {
        DigitalInput input = digitalInputs.get(name);
        if (input == null) {
            input = new RecordingDigitalInput(name, inner.digitalInput(name));
            digitalInputs.put(name, input);
        }
        return input;
    }

    @Override
    public DigitalOutput digitalOutput(String name) throws HalException {
        DigitalOutput output = digitalOutputs.get(name);
        if (output == null) {
            output = new RecordingDigitalOutput(name, inner.digitalOutput(name));
            digitalOutputs.put(name, output);
        }
        return output;
    }

    @Override
    public PwmOutput pwmOutput(String name) throws HalException {
        PwmOutput output = pwmOutputs.get(name);
        if (output == null) {
            output = new RecordingPwmOutput(name, inner.pwmOutput(name));
            pwmOutputs.put(name, output);
        }
        return output;
    }

    @Override
    public AnalogInput analogInput(String name) throws HalException {
        AnalogInput input = analogInputs.get(name);
        if (input == null) {
            input = new RecordingAnalogInput(name, inner.analogInput(name));
            analogInputs.put(name, input);
        }
        return input;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Pacer pacer() {
        return inner.pacer();
    }

    /** The wrapped board's, not recorded: wall time only stamps reports, so a replay needs none of it. */
    @Override
    public WallClock wallClock() {
        return inner.wallClock();
    }

    @Override
    public Storage storage() {
        return inner.storage();
    }

    /** The board being recorded (a scenario drives a simulated board's inputs directly, beneath the recorder). */
    public Board inner() {
        return inner;
    }

    /** Sends the previous tick's lines to the sink, then starts recording tick {@code tick}. */
    @Override
    public void beginTick(long tick) throws HalException {
        flush();
        this.tick = tick;
        inner.beginTick(tick);
    }

    /**
     * Sends the lines recorded so far to the sink.
     *
     * @throws HalException {@link ErrorKind#IO} when the sink fails
     */
    public void flush() throws HalException {
        try {
            sink.append(pending);
        } catch (IOException e) {
            throw new HalException(ErrorKind.IO, "cannot write trace: " + e.getMessage(), e);
        }
        pending.setLength(0);
    }

    /** Flushes, then closes the wrapped board. */
    @Override
    public void close() throws HalException {
        flush();
        inner.close();
    }

    private void record(String channel, TraceOp op, long value) {
        TraceEntry.appendLine(pending, tick, channel, op, value, null);
    }

    private HalException recordFailure(String channel, TraceOp op, long value, HalException failure) {
        TraceEntry.appendLine(pending, tick, channel, op, value, failure.kind());
        return failure;
    }

    private final class RecordingDigitalInput implements DigitalInput {
        private final String name;
        private final DigitalInput inner;

        RecordingDigitalInput(String name, DigitalInput inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public boolean isHigh() throws HalException {
            try {
                boolean high = inner.isHigh();
                record(name, TraceOp.READ, high ? 1 : 0);
                return high;
            } catch (HalException e) {
                throw recordFailure(name, TraceOp.READ, 0, e);
            }
        }

        @Override
        public int pollRisingEdges() throws HalException {
            return polled(TraceOp.RISE);
        }

        @Override
        public int pollFallingEdges() throws HalException {
            return polled(TraceOp.FALL);
        }

        private int polled(TraceOp op) throws HalException {
            try {
                int edges = op == TraceOp.RISE ? inner.pollRisingEdges() : inner.pollFallingEdges();
                record(name, op, edges);
                return edges;
            } catch (HalException e) {
                throw recordFailure(name, op, 0, e);
            }
        }
    }

    private final class RecordingDigitalOutput implements DigitalOutput {
        private final String name;
        private final DigitalOutput inner;

        RecordingDigitalOutput(String name, DigitalOutput inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public void setHigh() throws HalException {
            try {
                inner.setHigh();
                record(name, TraceOp.SET, 1);
            } catch (HalException e) {
                throw recordFailure(name, TraceOp.SET, 1, e);
            }
        }

        @Override
        public void setLow() throws HalException {
            try {
                inner.setLow();
                record(name, TraceOp.SET, 0);
            } catch (HalException e) {
                throw recordFailure(name, TraceOp.SET, 0, e);
            }
        }

        @Override
        public boolean isSetHigh() throws HalException {
            return inner.isSetHigh();
        }
    }

    private final class RecordingPwmOutput implements PwmOutput {
        private final String name;
        private final PwmOutput inner;

        RecordingPwmOutput(String name, PwmOutput inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public int maxDuty() {
            return inner.maxDuty();
        }

        @Override
        public void setDuty(int counts) throws HalException {
            try {
                inner.setDuty(counts);
                record(name, TraceOp.DUTY, counts);
            } catch (HalException e) {
                throw recordFailure(name, TraceOp.DUTY, counts, e);
            }
        }
    }

    private final class RecordingAnalogInput implements AnalogInput {
        private final String name;
        private final AnalogInput inner;

        RecordingAnalogInput(String name, AnalogInput inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public int read() throws HalException {
            try {
                int counts = inner.read();
                record(name, TraceOp.READ, counts);
                return counts;
            } catch (HalException e) {
                throw recordFailure(name, TraceOp.READ, 0, e);
            }
        }

        @Override
        public int maxValue() {
            return inner.maxValue();
        }
    }

    private final class RecordingClock implements Clock {
        private final Clock inner;

        RecordingClock(Clock inner) {
            this.inner = inner;
        }

        @Override
        public long nanos() {
            long nanos = inner.nanos();
            record(TraceEntry.CLOCK, TraceOp.NANOS, nanos);
            return nanos;
        }
    }
}
