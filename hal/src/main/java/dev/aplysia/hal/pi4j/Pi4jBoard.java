package dev.aplysia.hal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import com.pi4j.io.spi.SpiChipSelect;
import com.pi4j.io.spi.SpiMode;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.pi4j.plugin.raspberrypi.platform.RaspberryPiPlatform;
import com.pi4j.provider.Provider;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.BoardConfig.AdcSpec;
import dev.aplysia.hal.BoardConfig.AnalogInputSpec;
import dev.aplysia.hal.BoardConfig.DigitalInputSpec;
import dev.aplysia.hal.BoardConfig.DigitalOutputSpec;
import dev.aplysia.hal.BoardConfig.PwmSpec;
import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.NamedChannels;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.storage.FileStorage;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import dev.aplysia.hal.time.SystemClock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Raspberry Pi board: the channels of a {@link BoardConfig} opened through Pi4J, the JVM's monotonic clock, and
 * storage of the caller's choosing (files, in production).
 *
 * <p>The Pi4J context is always built from explicit providers, never auto-detected: with the mock plugin on the
 * classpath, auto-detection silently hands out mock I/O. {@link #open} builds the production context: gpiod digital
 * I/O (works on the Pi 5), linuxfs PWM on the one {@code pwmchip} the config names, linuxfs SPI. {@link #on} takes a
 * prebuilt context, which is how tests run this board over Pi4J's mock providers.
 *
 * <p>Pi4J 2.8.0 allows one I/O per address number across all I/O kinds (Pi4J issue 481): a BCM pin, a PWM channel and
 * an SPI chip select may not share a number. Such configs are rejected with both lines named.
 */
public final class Pi4jBoard implements Board {

    private static final int DEFAULT_PWM_CHIP = 0;

    private final Context context;
    private final Storage storage;
    private final NamedChannels<DigitalInput> digitalInputs = new NamedChannels<>(ChannelKind.DIGITAL_INPUT);
    private final NamedChannels<DigitalOutput> digitalOutputs = new NamedChannels<>(ChannelKind.DIGITAL_OUTPUT);
    private final NamedChannels<PwmOutput> pwmOutputs = new NamedChannels<>(ChannelKind.PWM_OUTPUT);
    private final NamedChannels<AnalogInput> analogInputs = new NamedChannels<>(ChannelKind.ANALOG_INPUT);

    private Pi4jBoard(Context context, Storage storage) {
        this.context = context;
        this.storage = storage;
    }

    /**
     * The production board: a Pi4J context of gpiod, linuxfs PWM and linuxfs SPI providers, the config's channels,
     * and blobs stored as files in {@code storageDirectory}. Before Pi4J starts, {@link PiDiagnosis} checks that this
     * machine is a Pi offering the devices the config uses to this user.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} when the config asks for more than one PWM chip or reuses
     *                      an address number; {@link ErrorKind#IO} naming what is missing when this is no Pi ready
     *                      for the config, or when Pi4J or a channel cannot be started
     */
    public static Pi4jBoard open(BoardConfig config, Path storageDirectory) throws HalException {
        List<Provider<?, ?, ?>> providers = productionProviders(config);
        PiDiagnosis.ofThisMachine().requireReady(config);
        Storage storage = new FileStorage(storageDirectory);
        Context context;
        try {
            context = Pi4J.newContextBuilder()
                    .add(new RaspberryPiPlatform())
                    .add(providers.toArray(Provider[]::new))
                    .build();
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot start Pi4J", e);
        }
        return on(context, config, storage);
    }

    /**
     * A board over a prebuilt Pi4J context, which the board then owns and shuts down on {@link #close}, or at once
     * when opening fails.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} when the config reuses an address number;
     *                      {@link ErrorKind#IO} when a channel cannot be opened
     */
    public static Pi4jBoard on(Context context, BoardConfig config, Storage storage) throws HalException {
        Pi4jBoard board = new Pi4jBoard(context, storage);
        try {
            requireDistinctAddresses(config);
            board.openChannels(config);
        } catch (HalException e) {
            board.shutDownAfter(e);
            throw e;
        }
        return board;
    }

    /**
     * The providers of the production context, one per I/O kind: gpiod digital input and output, linuxfs PWM on the
     * config's PWM chip, linuxfs SPI.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} when PWM outputs name different chips: the linuxfs
     *                      provider drives one
     */
    static List<Provider<?, ?, ?>> productionProviders(BoardConfig config) throws HalException {
        return List.of(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                LinuxFsPwmProvider.newInstance(pwmChip(config)), LinuxFsSpiProvider.newInstance());
    }

    private static int pwmChip(BoardConfig config) throws HalException {
        List<PwmSpec> pwms = config.pwmOutputs();
        if (pwms.isEmpty()) {
            return DEFAULT_PWM_CHIP;
        }
        PwmSpec first = pwms.get(0);
        for (PwmSpec pwm : pwms) {
            if (pwm.chip() != first.chip()) {
                throw new HalException(ErrorKind.INVALID_CONFIG, config.where(pwm.line()) + " PWM chip " + pwm.chip()
                        + " differs from chip " + first.chip() + " of '" + first.name() + "' (line " + first.line()
                        + "); the linuxfs provider drives one PWM chip");
            }
        }
        return first.chip();
    }

    private static void requireDistinctAddresses(BoardConfig config) throws HalException {
        Map<Integer, String> owners = new HashMap<>();
        for (DigitalInputSpec spec : config.digitalInputs()) {
            claimAddress(config, owners, spec.pin(), "BCM pin " + spec.pin() + " of '" + spec.name() + "'", spec.line());
        }
        for (DigitalOutputSpec spec : config.digitalOutputs()) {
            claimAddress(config, owners, spec.pin(), "BCM pin " + spec.pin() + " of '" + spec.name() + "'", spec.line());
        }
        for (PwmSpec spec : config.pwmOutputs()) {
            claimAddress(config, owners, spec.channel(), "PWM channel " + spec.channel() + " of '" + spec.name() + "'",
                    spec.line());
        }
        for (AdcSpec spec : config.adcs()) {
            claimAddress(config, owners, spec.chipSelect(), "SPI chip select " + spec.chipSelect() + " of '"
                    + spec.name() + "'", spec.line());
        }
    }

    private static void claimAddress(BoardConfig config, Map<Integer, String> owners, int address, String owner,
                                     int line) throws HalException {
        String previous = owners.putIfAbsent(address, owner + " (line " + line + ")");
        if (previous != null) {
            throw new HalException(ErrorKind.INVALID_CONFIG, config.where(line) + " " + owner + " and " + previous
                    + " share address " + address + ", which Pi4J 2.8.0 cannot open together (Pi4J issue 481)");
        }
    }

    private void openChannels(BoardConfig config) throws HalException {
        for (DigitalInputSpec spec : config.digitalInputs()) {
            digitalInputs.add(spec.name(), new Pi4jDigitalInput(spec.name(), openDigitalInput(config, spec)));
        }
        for (DigitalOutputSpec spec : config.digitalOutputs()) {
            digitalOutputs.add(spec.name(), new Pi4jDigitalOutput(spec.name(), openDigitalOutput(config, spec)));
        }
        for (PwmSpec spec : config.pwmOutputs()) {
            pwmOutputs.add(spec.name(), new Pi4jPwmOutput(spec.name(), openPwm(config, spec), spec.maxDuty()));
        }
        Map<String, Mcp3008> adcs = new HashMap<>();
        for (AdcSpec spec : config.adcs()) {
            adcs.put(spec.name(), new Mcp3008(spec.name(), openSpi(config, spec)));
        }
        for (AnalogInputSpec spec : config.analogInputs()) {
            analogInputs.add(spec.name(), new Mcp3008Input(adcs.get(spec.adc().name()), spec.channel()));
        }
    }

    private com.pi4j.io.gpio.digital.DigitalInput openDigitalInput(BoardConfig config, DigitalInputSpec spec)
            throws HalException {
        try {
            return context.create(com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(context)
                    .id(spec.name())
                    .address(spec.pin())
                    .pull(pullResistance(spec.pull()))
                    .debounce(spec.debounceNanos() / 1_000L));
        } catch (RuntimeException e) {
            throw Pi4jFailures.io(config.where(spec.line()) + " cannot open digital input '" + spec.name()
                    + "' on BCM " + spec.pin(), e);
        }
    }

    private com.pi4j.io.gpio.digital.DigitalOutput openDigitalOutput(BoardConfig config, DigitalOutputSpec spec)
            throws HalException {
        try {
            return context.create(com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(context)
                    .id(spec.name())
                    .address(spec.pin())
                    .initial(DigitalState.getState(spec.initialHigh()))
                    .shutdown(DigitalState.getState(spec.safeHigh())));
        } catch (RuntimeException e) {
            throw Pi4jFailures.io(config.where(spec.line()) + " cannot open digital output '" + spec.name()
                    + "' on BCM " + spec.pin(), e);
        }
    }

    private Pwm openPwm(BoardConfig config, PwmSpec spec) throws HalException {
        try {
            return context.create(Pwm.newConfigBuilder(context)
                    .id(spec.name())
                    .address(spec.channel())
                    .pwmType(PwmType.HARDWARE)
                    .frequency(spec.frequencyHz())
                    .initial(0)
                    .shutdown(spec.safeDuty() * 100f / spec.maxDuty()));
        } catch (RuntimeException e) {
            throw Pi4jFailures.io(config.where(spec.line()) + " cannot open PWM output '" + spec.name()
                    + "' on chip " + spec.chip() + " channel " + spec.channel(), e);
        }
    }

    private Spi openSpi(BoardConfig config, AdcSpec spec) throws HalException {
        try {
            return context.create(Spi.newConfigBuilder(context)
                    .id(spec.name())
                    .bus(SpiBus.getByNumber(spec.spiBus()))
                    .chipSelect(SpiChipSelect.getByNumber(spec.chipSelect()))
                    .mode(SpiMode.MODE_0)
                    .baud(spec.baud()));
        } catch (RuntimeException e) {
            throw Pi4jFailures.io(config.where(spec.line()) + " cannot open SPI " + spec.spiBus() + "."
                    + spec.chipSelect() + " for adc '" + spec.name() + "'", e);
        }
    }

    private static PullResistance pullResistance(BoardConfig.Pull pull) {
        return switch (pull) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case OFF -> PullResistance.OFF;
        };
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
        return SystemClock.INSTANCE;
    }

    @Override
    public Pacer pacer() {
        return SystemClock.INSTANCE;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    /** Shuts the Pi4J context down: outputs go to their configured safe level or duty (default low, duty 0). */
    @Override
    public void close() throws HalException {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot shut Pi4J down", e);
        }
    }

    private void shutDownAfter(HalException failure) {
        try {
            close();
        } catch (HalException e) {
            failure.addSuppressed(e);
        }
    }
}
