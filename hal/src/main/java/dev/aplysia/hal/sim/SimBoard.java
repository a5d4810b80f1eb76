package dev.aplysia.hal.sim;

import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.NamedChannels;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.hal.time.WallClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated board: channels a test drives and inspects through the {@code Sim*} types returned by its lookups, a
 * {@link VirtualClock} as clock and pacer, the host's wall clock (or one given to the builder), storage with injectable
 * faults, and a {@link FaultInjector}. Built from a
 * {@link BoardConfig} ({@link #of}) or by hand ({@link #builder}). Not thread-safe: drive it from the thread that runs
 * the firmware.
 */
public final class SimBoard implements Board {

    private final SimTimeline timeline;
    private final SimStorage storage;
    private final FaultInjector faults;
    private final WallClock wallClock;
    private final Map<String, ChannelKind> kinds = new HashMap<>();
    private final NamedChannels<SimDigitalInput> digitalInputs = new NamedChannels<>(ChannelKind.DIGITAL_INPUT);
    private final NamedChannels<SimDigitalOutput> digitalOutputs = new NamedChannels<>(ChannelKind.DIGITAL_OUTPUT);
    private final NamedChannels<SimPwmOutput> pwmOutputs = new NamedChannels<>(ChannelKind.PWM_OUTPUT);
    private final NamedChannels<SimAnalogInput> analogInputs = new NamedChannels<>(ChannelKind.ANALOG_INPUT);

    private SimBoard(Builder builder) {
        timeline = new SimTimeline(builder.clock);
        storage = new SimStorage(builder.storage);
        faults = new FaultInjector(storage);
        wallClock = builder.wallClock;
        builder.channels.forEach(this::add);
    }

    /** A board with the channels {@code config} declares, an unpaced clock and empty memory storage. */
    public static SimBoard of(BoardConfig config) {
        return builder().channels(config).build();
    }

    /** A builder for a board declared by hand. */
    public static Builder builder() {
        return new Builder();
    }

    private void add(Declaration declaration) {
        String name = declaration.name();
        kinds.put(name, declaration.kind());
        FaultPlan plan = faults.planFor(name);
        switch (declaration.kind()) {
            case DIGITAL_INPUT -> digitalInputs.add(name, new SimDigitalInput(plan));
            case DIGITAL_OUTPUT -> digitalOutputs.add(name,
                    new SimDigitalOutput(declaration.value() == 1, plan, timeline));
            case PWM_OUTPUT -> pwmOutputs.add(name, new SimPwmOutput(name, declaration.value(), plan, timeline));
            case ANALOG_INPUT -> analogInputs.add(name, new SimAnalogInput(name, declaration.value(), plan));
        }
    }

    @Override
    public SimDigitalInput digitalInput(String name) throws HalException {
        return digitalInputs.get(name);
    }

    @Override
    public SimDigitalOutput digitalOutput(String name) throws HalException {
        return digitalOutputs.get(name);
    }

    @Override
    public SimPwmOutput pwmOutput(String name) throws HalException {
        return pwmOutputs.get(name);
    }

    @Override
    public SimAnalogInput analogInput(String name) throws HalException {
        return analogInputs.get(name);
    }

    /** The names of all channels, sorted. */
    public List<String> channelNames() {
        return kinds.keySet().stream().sorted().toList();
    }

    /** The kind of channel {@code name}, if the board has one. */
    public Optional<ChannelKind> kindOf(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    @Override
    public VirtualClock clock() {
        return timeline.clock;
    }

    @Override
    public VirtualClock pacer() {
        return timeline.clock;
    }

    /**
     * The host's wall clock unless the builder was given another. Virtual time may run at any speed, so it is not
     * turned into a date: {@code ts} says when a report was made in the world, the clock says when on the board.
     */
    @Override
    public WallClock wallClock() {
        return wallClock;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    /** Where to plan failures and power cuts. */
    public FaultInjector faults() {
        return faults;
    }

    /** Records {@code tick} as the current tick; output histories stamp changes with it. */
    @Override
    public void beginTick(long tick) {
        timeline.tick = tick;
    }

    /** The tick last passed to {@link #beginTick}, 0 before the first. */
    public long tick() {
        return timeline.tick;
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    /** One declared channel; {@code value} is the initial level, max duty or max value, by kind. */
    private record Declaration(String name, ChannelKind kind, int value) {
    }

    /** Declares a simulated board channel by channel. */
    public static final class Builder {

        private final List<Declaration> channels = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private VirtualClock clock = VirtualClock.unpaced();
        private Storage storage = new MemoryStorage();
        private WallClock wallClock = SystemClock.INSTANCE;

        private Builder() {
        }

        /** Adds a digital input, initially low. */
        public Builder digitalInput(String name) {
            return declare(name, ChannelKind.DIGITAL_INPUT, 0);
        }

        /** Adds a digital output, initially low. */
        public Builder digitalOutput(String name) {
            return digitalOutput(name, false);
        }

        /** Adds a digital output with the given initial level. */
        public Builder digitalOutput(String name, boolean initialHigh) {
            return declare(name, ChannelKind.DIGITAL_OUTPUT, initialHigh ? 1 : 0);
        }

        /** Adds a PWM output with full-scale duty {@code maxDuty} (at least 1), initially at duty 0. */
        public Builder pwmOutput(String name, int maxDuty) {
            return declare(name, ChannelKind.PWM_OUTPUT, requirePositive(maxDuty, "maxDuty"));
        }

        /** Adds an analog input with full-scale count {@code maxValue} (at least 1), initially reading 0. */
        public Builder analogInput(String name, int maxValue) {
            return declare(name, ChannelKind.ANALOG_INPUT, requirePositive(maxValue, "maxValue"));
        }

        /** Adds every channel {@code config} declares. */
        public Builder channels(BoardConfig config) {
            config.digitalInputs().forEach(spec -> digitalInput(spec.name()));
            config.digitalOutputs().forEach(spec -> digitalOutput(spec.name(), spec.initialHigh()));
            config.pwmOutputs().forEach(spec -> pwmOutput(spec.name(), spec.maxDuty()));
            config.analogInputs().forEach(spec -> analogInput(spec.name(), spec.maxValue()));
            return this;
        }

        /** Uses {@code clock} instead of a fresh unpaced one. */
        public Builder clock(VirtualClock clock) {
            this.clock = clock;
            return this;
        }

        /** Stamps reports with {@code wallClock} instead of the host's (a test's fixed date, for instance). */
        public Builder wallClock(WallClock wallClock) {
            this.wallClock = wallClock;
            return this;
        }

        /** Keeps blobs in {@code storage} (e.g. a {@link dev.aplysia.hal.storage.FileStorage}) instead of memory. */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** The board. */
        public SimBoard build() {
            return new SimBoard(this);
        }

        private Builder declare(String name, ChannelKind kind, int value) {
            if (BoardConfig.RESERVED_NAMES.contains(name)) {
                throw new IllegalArgumentException("channel name '" + name + "' is reserved");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate channel name '" + name + "'");
            }
            channels.add(new Declaration(name, kind, value));
            return this;
        }

        private static int requirePositive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
