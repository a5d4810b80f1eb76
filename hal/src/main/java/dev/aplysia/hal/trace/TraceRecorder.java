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
 * lines keyed by the tick the firmware passes to {@link #beginTick}, after a {@link TraceHeader} line. Works on any
 * board: record on the Raspberry Pi, replay in simulation.
 *
 * <p>A clock read that is the tick's first and lies one step (the difference of the two readings before it) after the
 * previous tick's reading joins a steady run, written as one {@code steady} line when the run ends: at the first read
 * that breaks it, at the end of a tick that did not read the clock, or at {@link #flush}. Every other clock read is a
 * {@code nanos} line.
 *
 * <p>Not recorded: {@code isSetHigh()} (the firmware's own output state), {@code maxDuty()}/{@code maxValue()}
 * (configuration), the pacer, and storage (a replay takes its storage from the caller).
 *
 * <p>Lines collect in a buffer that goes to the sink at each {@link #beginTick}, at {@link #flush} and at
 * {@link #close}; the sink is neither flushed nor closed. A steady run that ended at an earlier tick goes into the
 * buffer ahead of the current tick's lines, so ticks never decrease. Recording appends numbers without formatting
 * objects; the only allocations are the buffer's growth and whatever the sink does with each tick's text.
 */
public final class TraceRecorder implements Board {

    private final Board inner;
    private final Appendable sink;
    private final StringBuilder pending = new StringBuilder(4096);
    private final StringBuilder steadyLine = new StringBuilder(64);
    private final Map<String, DigitalInput> digitalInputs = new HashMap<>();
    private final Map<String, DigitalOutput> digitalOutputs = new HashMap<>();
    private final Map<String, PwmOutput> pwmOutputs = new HashMap<>();
    private final Map<String, AnalogInput> analogInputs = new HashMap<>();
    private final RecordingClock clock;
    private long tick;
    /** Where in {@link #pending} the current tick's lines begin. */
    private int tickStart;

    /** Records the operations on {@code inner} into {@code sink}, after the line of {@code header}. */
    public TraceRecorder(Board inner, TraceHeader header, Appendable sink) {
        this.inner = inner;
        this.sink = sink;
        this.clock = new RecordingClock(inner.clock());
        pending.append(header.line()).append('\n');
        tickStart = pending.length();
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

    /** Ends a steady clock run the previous tick did not continue, sends its lines, starts recording {@code tick}. */
    @Override
    public void beginTick(long tick) throws HalException {
        clock.endOfTick();
        send();
        this.tick = tick;
        inner.beginTick(tick);
    }

    /**
     * Sends the lines recorded so far to the sink, an open steady clock run included (a recording flushed every tick
     * writes every clock read).
     *
     * @throws HalException {@link ErrorKind#IO} when the sink fails
     */
    public void flush() throws HalException {
        clock.endSteadyRun();
        send();
    }

    private void send() throws HalException {
        try {
            sink.append(pending);
        } catch (IOException e) {
            throw new HalException(ErrorKind.IO, "cannot write trace: " + e.getMessage(), e);
        }
        pending.setLength(0);
        tickStart = 0;
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

    /** Records clock reads as {@code nanos} lines and steady runs (see the class comment). */
    private final class RecordingClock implements Clock {
        private final Clock inner;
        private int readings;
        private long lastReading;
        private long lastReadTick = -1;
        private long step;
        private long steadyReads;

        RecordingClock(Clock inner) {
            this.inner = inner;
        }

        @Override
        public long nanos() {
            long nanos = inner.nanos();
            if (continuesStep(nanos)) {
                steadyReads++;
            } else {
                endSteadyRun();
                record(TraceEntry.CLOCK, TraceOp.NANOS, nanos);
                step = nanos - lastReading;
                readings = Math.min(2, readings + 1);
            }
            lastReading = nanos;
            lastReadTick = tick;
            return nanos;
        }

        private boolean continuesStep(long nanos) {
            return readings == 2 && tick == lastReadTick + 1 && nanos - lastReading == step;
        }

        /** Ends the open run if the tick now ending did not continue it. */
        void endOfTick() {
            if (lastReadTick != tick) {
                endSteadyRun();
            }
        }

        /** Writes the open run, if any, as one line at its last tick, ahead of any later tick's lines. */
        void endSteadyRun() {
            if (steadyReads == 0) {
                return;
            }
            if (lastReadTick == tick) {
                record(TraceEntry.CLOCK, TraceOp.STEADY, steadyReads);
            } else {
                steadyLine.setLength(0);
                TraceEntry.appendLine(steadyLine, lastReadTick, TraceEntry.CLOCK, TraceOp.STEADY, steadyReads, null);
                pending.insert(tickStart, steadyLine);
                tickStart += steadyLine.length();
            }
            steadyReads = 0;
        }
    }
}
