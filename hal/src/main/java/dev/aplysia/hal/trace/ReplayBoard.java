package dev.aplysia.hal.trace;

import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.NamedChannels;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A board that plays a {@link Trace} back to a firmware: every read returns the recorded value (or fails as recorded),
 * every write is compared with the recorded one, per channel, in order and at the same tick. The first departure is
 * kept as a {@link ReplayMismatch}; {@link #verify} also reports recorded operations the replay never reached.
 *
 * <p>A read with no matching recorded entry has no value to return: it fails with {@link ErrorKind#OTHER}. A write
 * that differs does not fail, so that the firmware runs on; its mismatch is reported by {@link #firstMismatch()}. A
 * clock read with no matching entry returns the last replayed time. A steady clock run replays as the reads it stands
 * for, one per tick, each one step after the one before. The pacer returns at once. The wall clock is
 * the host's: a trace holds no wall time, which stamps reports and decides nothing.
 *
 * <p>The trace's {@link TraceHeader} is not checked here: a caller replaying a run checks it with
 * {@link Trace#requireRecordedBy} first.
 */
public final class ReplayBoard implements Board {

    private static final Map<ChannelKind, Set<TraceOp>> OPS = Map.of(
            ChannelKind.DIGITAL_INPUT, EnumSet.of(TraceOp.READ, TraceOp.RISE, TraceOp.FALL),
            ChannelKind.DIGITAL_OUTPUT, EnumSet.of(TraceOp.SET),
            ChannelKind.PWM_OUTPUT, EnumSet.of(TraceOp.DUTY),
            ChannelKind.ANALOG_INPUT, EnumSet.of(TraceOp.READ));

    private static final Pacer IMMEDIATE = deadlineNanos -> { };

    private final Storage storage;
    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private final NamedChannels<DigitalInput> digitalInputs = new NamedChannels<>(ChannelKind.DIGITAL_INPUT);
    private final NamedChannels<DigitalOutput> digitalOutputs = new NamedChannels<>(ChannelKind.DIGITAL_OUTPUT);
    private final NamedChannels<PwmOutput> pwmOutputs = new NamedChannels<>(ChannelKind.PWM_OUTPUT);
    private final NamedChannels<AnalogInput> analogInputs = new NamedChannels<>(ChannelKind.ANALOG_INPUT);
    private final ReplayClock clock;
    private long tick;
    private ReplayMismatch firstMismatch;

    /**
     * A board with the channels of {@code config}, replaying {@code trace}, with {@code storage} as its storage.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} naming the trace line of an entry whose channel the config
     *                      lacks or whose operation does not fit the channel's kind
     */
    public ReplayBoard(BoardConfig config, Trace trace, Storage storage) throws HalException {
        this.storage = storage;
        Map<String, Set<TraceOp>> opsByChannel = opsByChannel(config);
        for (TraceEntry entry : trace.entries()) {
            requireFits(trace, entry, opsByChannel.get(entry.channel()));
            script(entry.channel()).entries.add(entry);
        }
        declare(config);
        this.clock = new ReplayClock(script(TraceEntry.CLOCK));
    }

    private static Map<String, Set<TraceOp>> opsByChannel(BoardConfig config) {
        Map<String, Set<TraceOp>> ops = new HashMap<>();
        ops.put(TraceEntry.CLOCK, EnumSet.of(TraceOp.NANOS, TraceOp.STEADY));
        config.digitalInputs().forEach(spec -> ops.put(spec.name(), OPS.get(ChannelKind.DIGITAL_INPUT)));
        config.digitalOutputs().forEach(spec -> ops.put(spec.name(), OPS.get(ChannelKind.DIGITAL_OUTPUT)));
        config.pwmOutputs().forEach(spec -> ops.put(spec.name(), OPS.get(ChannelKind.PWM_OUTPUT)));
        config.analogInputs().forEach(spec -> ops.put(spec.name(), OPS.get(ChannelKind.ANALOG_INPUT)));
        return ops;
    }

    private static void requireFits(Trace trace, TraceEntry entry, Set<TraceOp> ops) throws HalException {
        if (ops == null) {
            throw invalid(trace, entry, "channel '" + entry.channel() + "' is not on the board");
        }
        if (!ops.contains(entry.op())) {
            throw invalid(trace, entry, "'" + entry.op().word() + "' does not apply to '" + entry.channel() + "'");
        }
    }

    private void declare(BoardConfig config) {
        for (BoardConfig.DigitalInputSpec spec : config.digitalInputs()) {
            digitalInputs.add(spec.name(), new ReplayDigitalInput(script(spec.name())));
        }
        for (BoardConfig.DigitalOutputSpec spec : config.digitalOutputs()) {
            digitalOutputs.add(spec.name(), new ReplayDigitalOutput(script(spec.name()), spec.initialHigh()));
        }
        for (BoardConfig.PwmSpec spec : config.pwmOutputs()) {
            pwmOutputs.add(spec.name(), new ReplayPwmOutput(script(spec.name()), spec.maxDuty()));
        }
        for (BoardConfig.AnalogInputSpec spec : config.analogInputs()) {
            analogInputs.add(spec.name(), new ReplayAnalogInput(script(spec.name()), spec.maxValue()));
        }
    }

    private static HalException invalid(Trace trace, TraceEntry entry, String message) {
        return new HalException(ErrorKind.INVALID_CONFIG, SourceText.where(trace.source(), entry.line()) + " "
                + message);
    }

    private Script script(String channel) {
        return scripts.computeIfAbsent(channel, Script::new);
    }

    @Override
    public DigitalInput digitalInput(String name) throws HalException {
        return digitalInputs.get(name);
    }

    @Override
    public DigitalOutput digitalOutput(String name) throws HalException {
        return digitalOutputs.get(name);
    }

    @Override
    public PwmOutput pwmOutput(String name) throws HalException {
        return pwmOutputs.get(name);
    }

    @Override
    public AnalogInput analogInput(String name) throws HalException {
        return analogInputs.get(name);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Returns at once: a replay runs as fast as it can. */
    @Override
    public Pacer pacer() {
        return IMMEDIATE;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public void beginTick(long tick) {
        this.tick = tick;
    }

    /** The first departure from the trace so far, if any. */
    public Optional<ReplayMismatch> firstMismatch() {
        return Optional.ofNullable(firstMismatch);
    }

    /**
     * Call after the replayed run: the first departure from the trace, counting as a departure any recorded operation
     * the run never reached (the earliest such one).
     */
    public Optional<ReplayMismatch> verify() {
        if (firstMismatch == null) {
            scripts.values().stream()
                    .filter(Script::hasLeftover)
                    .min((a, b) -> Long.compare(a.nextTick(), b.nextTick()))
                    .ifPresent(script -> mismatch(script.nextTick(), script.channel, describe(script.peek()),
                            "nothing"));
        }
        return firstMismatch();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    private void mismatch(long atTick, String channel, String recorded, String replayed) {
        if (firstMismatch == null) {
            firstMismatch = new ReplayMismatch(atTick, channel, recorded, replayed);
        }
    }

    private static String describe(TraceEntry entry) {
        return entry == null ? "nothing" : entry.toString();
    }

    /** One channel's recorded entries and how far the replay has got through them. */
    private final class Script {
        private final String channel;
        private final List<TraceEntry> entries = new ArrayList<>();
        private int next;
        /** Reads already replayed from the next entry, a steady run that stands for several. */
        private long taken;

        Script(String channel) {
            this.channel = channel;
        }

        boolean hasLeftover() {
            return next < entries.size();
        }

        TraceEntry peek() {
            return hasLeftover() ? entries.get(next) : null;
        }

        /** The tick of the next recorded operation: for a steady run, of its next read; call only with a leftover. */
        long nextTick() {
            TraceEntry entry = peek();
            return entry.op() == TraceOp.STEADY ? entry.tick() - entry.value() + 1 + taken : entry.tick();
        }

        /**
         * The next entry, consumed, if it is {@code op} at the current tick; otherwise null. A steady run is a
         * {@link TraceOp#NANOS} read, consumed once its last read is taken.
         */
        private TraceEntry take(TraceOp op) {
            TraceEntry entry = peek();
            if (entry == null || nextTick() != tick || replayedAs(entry) != op) {
                return null;
            }
            if (entry.op() == TraceOp.STEADY && ++taken < entry.value()) {
                return entry;
            }
            taken = 0;
            next++;
            return entry;
        }

        private static TraceOp replayedAs(TraceEntry entry) {
            return entry.op() == TraceOp.STEADY ? TraceOp.NANOS : entry.op();
        }

        /** The recorded value of a read, or its recorded failure. */
        long read(TraceOp op) throws HalException {
            TraceEntry entry = take(op);
            if (entry == null) {
                mismatch(tick, channel, describe(peek()), tick + " " + channel + " " + op.word());
                throw new HalException(ErrorKind.OTHER, "replay diverged: " + firstMismatch);
            }
            if (entry.failed()) {
                throw new HalException(entry.failure(), "replayed failure of " + op.word() + " on '" + channel + "'");
            }
            return entry.value();
        }

        /** Compares a write with the recorded one; repeats its recorded failure. */
        void write(TraceOp op, long value) throws HalException {
            TraceEntry entry = take(op);
            if (entry == null || entry.value() != value) {
                mismatch(tick, channel, describe(entry == null ? peek() : entry),
                        tick + " " + channel + " " + op.word() + " " + value);
            } else if (entry.failed()) {
                throw new HalException(entry.failure(), "replayed failure of " + op.word() + " on '" + channel + "'");
            }
        }
    }

    private static final class ReplayDigitalInput implements DigitalInput {
        private final Script script;

        ReplayDigitalInput(Script script) {
            this.script = script;
        }

        @Override
        public boolean isHigh() throws HalException {
            return script.read(TraceOp.READ) != 0;
        }

        @Override
        public int pollRisingEdges() throws HalException {
            return (int) script.read(TraceOp.RISE);
        }

        @Override
        public int pollFallingEdges() throws HalException {
            return (int) script.read(TraceOp.FALL);
        }
    }

    private static final class ReplayDigitalOutput implements DigitalOutput {
        private final Script script;
        private boolean high;

        ReplayDigitalOutput(Script script, boolean initialHigh) {
            this.script = script;
            this.high = initialHigh;
        }

        @Override
        public void setHigh() throws HalException {
            script.write(TraceOp.SET, 1);
            high = true;
        }

        @Override
        public void setLow() throws HalException {
            script.write(TraceOp.SET, 0);
            high = false;
        }

        @Override
        public boolean isSetHigh() {
            return high;
        }
    }

    private static final class ReplayPwmOutput implements PwmOutput {
        private final Script script;
        private final int maxDuty;

        ReplayPwmOutput(Script script, int maxDuty) {
            this.script = script;
            this.maxDuty = maxDuty;
        }

        @Override
        public int maxDuty() {
            return maxDuty;
        }

        @Override
        public void setDuty(int counts) throws HalException {
            script.write(TraceOp.DUTY, counts);
        }
    }

    private static final class ReplayAnalogInput implements AnalogInput {
        private final Script script;
        private final int maxValue;

        ReplayAnalogInput(Script script, int maxValue) {
            this.script = script;
            this.maxValue = maxValue;
        }

        @Override
        public int read() throws HalException {
            return (int) script.read(TraceOp.READ);
        }

        @Override
        public int maxValue() {
            return maxValue;
        }
    }

    private final class ReplayClock implements Clock {
        private final Script script;
        private long last;
        private long step;

        ReplayClock(Script script) {
            this.script = script;
        }

        @Override
        public long nanos() {
            TraceEntry entry = script.take(TraceOp.NANOS);
            if (entry == null) {
                mismatch(tick, TraceEntry.CLOCK, describe(script.peek()), tick + " clock nanos");
                return last;
            }
            if (entry.op() == TraceOp.STEADY) {
                last += step;
            } else {
                step = entry.value() - last;
                last = entry.value();
            }
            return last;
        }
    }
}
