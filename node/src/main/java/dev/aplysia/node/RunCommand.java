package dev.aplysia.node;

import dev.aplysia.device.firmware.CommandAccess;
import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareConfig;
import dev.aplysia.device.firmware.FirmwareCounters;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.HaltCause;
import dev.aplysia.device.firmware.LoopConfig;
import dev.aplysia.device.firmware.McuLoad;
import dev.aplysia.device.firmware.TickWatchdog;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.reward.RewardConfig;
import dev.aplysia.device.reward.RewardWiring;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotStore;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.device.telemetry.homeassistant.HomeAssistantDiscovery;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.pi4j.Pi4jBoard;
import dev.aplysia.hal.sim.Scenario;
import dev.aplysia.hal.sim.ScenarioResult;
import dev.aplysia.hal.sim.ScenarioRunner;
import dev.aplysia.hal.sim.ScenarioTarget;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.storage.FileStorage;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.hal.trace.ReplayBoard;
import dev.aplysia.hal.trace.ReplayMismatch;
import dev.aplysia.hal.trace.Trace;
import dev.aplysia.hal.trace.TraceFile;
import dev.aplysia.hal.trace.TraceHeader;
import dev.aplysia.hal.trace.TraceRecorder;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code aplysia device run}: the learning-robot firmware on a simulated board or a Raspberry Pi. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the learning-robot firmware on a board wired as the board config says (see README,"
                + " 'Wiring a Raspberry Pi'). Boots from the newest valid snapshot in --state-dir, saves one every"
                + " checkpoint interval and on SIGINT/SIGTERM.",
                "With --scenario (simulated board only) the scenario's timeline drives the inputs and checks the"
                        + " outputs; an unmet expectation exits 1 naming the scenario line."})
public final class RunCommand implements Callable<Integer> {

    /** Which board to run on. */
    enum BoardKind { sim, pi4j }

    /** Which firmware application to run: the taught classifier robot or the reward robot. */
    enum App { robot, reward }

    @Option(names = "--app", defaultValue = "robot", description = "robot (the classifier taught by a demonstrator)"
            + " or reward (learns from its own sensors' rewards) (default: ${DEFAULT-VALUE}).")
    App app;

    @Option(names = "--board", defaultValue = "sim", description = "sim or pi4j (default: ${DEFAULT-VALUE}).")
    BoardKind boardKind;

    @Option(names = "--profile", defaultValue = "rp2040",
            description = "MCU profile: rp2040, rp2350, esp32, pi-native (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--config", required = true, description = "Board config file: channel names to pins.")
    Path config;

    @Option(names = "--scenario", description = "Scenario file to run on the simulated board.")
    Path scenario;

    @Option(names = "--state-dir", description = "Directory for snapshots (default: none on sim, kept in memory;"
            + " required on pi4j).")
    Path stateDir;

    @Option(names = "--id", defaultValue = "aplysia-1", description = "Device id (default: ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of a new network (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--new-network", description = "Start a new network even though --state-dir holds snapshots"
            + " (of this or another network): they are moved to archive/N/ there first. Without it, snapshots of"
            + " another network (another seed, wiring or format) make the run refuse to start.")
    boolean newNetwork;

    @Option(names = "--ticks", description = "Stop after this many ticks instead of waiting for a signal.")
    Long ticks;

    @Option(names = "--record", description = "Record every HAL read and write, keyed by tick, to this trace file,"
            + " gzip-compressed, headed by the firmware version, seed and config hash (works on any board: record on"
            + " the Pi, replay in CI).")
    Path record;

    @Option(names = "--replay", description = "Run against a recorded trace instead of a board: inputs come from"
            + " the trace, every output is compared with it; exits 1 at the first difference, or before running when"
            + " the trace has no header or was recorded by another firmware version, seed, board config or profile."
            + " Starts from a new network unless --state-dir holds the snapshot the recorded run booted from.")
    Path replay;

    @Option(names = "--broker", description = "Publish telemetry to this MQTT broker (tcp://host:port or"
            + " ssl://host:port; mqtt:// and mqtts:// too) and take commands from it; the firmware keeps running"
            + " while it is away. A run that never connects exits 1.")
    String brokerUrl;

    @CommandLine.Mixin
    BrokerOptions broker;

    @Option(names = "--ha-prefix", defaultValue = HomeAssistantDiscovery.DEFAULT_PREFIX,
            description = "Home Assistant's MQTT discovery prefix, under which --broker announces the device's"
                    + " sensors, learning switch and halt button (default: ${DEFAULT-VALUE}).")
    String haPrefix;

    @Option(names = "--no-ha-discovery", description = "Do not announce the device to Home Assistant.")
    boolean noHaDiscovery;

    @CommandLine.Mixin
    CommandAccessOptions commandAccess;

    @CommandLine.Mixin
    OutputSafety safety;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down once the firmware has saved its state and the board is closed. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        McuProfile mcu = Profiles.parse(spec, profile);
        safety.watchdogNanos();
        CommandAccess access = commandAccess.access();
        requireConsistentOptions();
        String discoveryPrefix = noHaDiscovery ? null : discoveryPrefix();
        BoardConfig wiring = BoardConfig.load(config);
        Application application = application(wiring, mcu, access, discoveryPrefix);
        if (replay != null) {
            return replay(wiring, application);
        }
        try (Writer traceFile = record == null ? null : TraceFile.create(record);
             Board board = record(open(wiring), traceFile, application.config());
             FirmwareLink link = application.link().open(board)) {
            return drive(application.firmware().make(board, events(link)), board, link, access);
        } finally {
            stopped.countDown();
            safety.removeShutdownHook();
        }
    }

    /** A firmware application as the run starts it: its loop's configuration, its link, its loop on a board. */
    private record Application(LoopConfig config, LinkOpener link, FirmwareMaker firmware) {
    }

    /** Opens an application's link for a board. */
    @FunctionalInterface
    private interface LinkOpener {
        FirmwareLink open(Board board) throws TransportException;
    }

    /** Builds an application's firmware loop on a board. */
    @FunctionalInterface
    private interface FirmwareMaker {
        Firmware make(Board board, FirmwareEvents events) throws HalException;
    }

    /**
     * The application {@code --app} names, wired to {@code wiring}: the classifier robot, or the reward robot with
     * the same commands and discovery, its own catalog and meta.
     */
    private Application application(BoardConfig wiring, McuProfile mcu, CommandAccess access, String discoveryPrefix)
            throws HalException {
        if (app == App.reward) {
            RewardConfig reward = RewardWiring.config(wiring, mcu, id, seed);
            return new Application(reward, board -> FirmwareLink.open(brokerUrl, broker, discoveryPrefix, id,
                    RewardWiring.commands(reward, access), DeviceMeta.of(RewardWiring.spec(reward), mcu), board,
                    err()), (board, events) -> RewardWiring.firmware(reward, board, events));
        }
        FirmwareConfig robot = RobotWiring.config(wiring, mcu, id, seed);
        return new Application(robot, board -> FirmwareLink.open(brokerUrl, broker, discoveryPrefix, robot, board,
                access, err()), (board, events) -> new Firmware(robot, board, events));
    }

    private FirmwareEvents events(FirmwareLink link) {
        return FirmwareEvents.both(new StderrEvents(err()), link.events());
    }

    /** Boots, runs the loop or the scenario with the outputs made safe around it, saves state and reports. */
    private int drive(Firmware firmware, Board board, FirmwareLink link, CommandAccess access) throws Exception {
        report(newNetwork ? firmware.bootAsNewNetwork() : firmware.boot());
        safety.haltAtStart(firmware);
        FirmwareRunner runner = new FirmwareRunner(firmware, link.betweenTicks(firmware));
        link.onConflict(runner::stop);
        link.start();
        int code;
        try {
            code = scenario != null ? runScenario(simulated(board), firmware, runner) : runLoop(firmware, runner);
        } finally {
            safety.haltAtExit(firmware, err());
        }
        firmware.finalCheckpoint();
        summary(firmware);
        refusals(access);
        return linkVerdict(link, code);
    }

    /** Usage errors (exit 2) for options that cannot go together, and a malformed broker URL, before anything runs. */
    private void requireConsistentOptions() {
        if (scenario != null && boardKind != BoardKind.sim) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario needs --board sim");
        }
        if (boardKind == BoardKind.pi4j && stateDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--board pi4j needs --state-dir");
        }
        if (replay != null && (scenario != null || record != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replay runs alone: not with --scenario or --record");
        }
        if (brokerUrl != null) {
            BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        }
    }

    private String discoveryPrefix() {
        try {
            return HomeAssistantDiscovery.requirePrefix(haPrefix);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ha-prefix: " + e.getMessage());
        }
    }

    /**
     * A run with {@code --broker} fails (exit 1, saying why) if another run holds its device id on the broker (the
     * run stops as soon as that is known), or if its link never connected: telemetry and commands were the point. A
     * signalled run exits 128 + signal anyway.
     */
    private int linkVerdict(FirmwareLink link, int code) {
        String failure = link.failure(brokerUrl);
        if (failure == null) {
            return code;
        }
        err().println("aplysia-device: error: " + failure);
        err().flush();
        return 1;
    }

    /** Wraps {@code board} in a recorder writing to {@code traceFile}, if one is given. */
    private Board record(Board board, Writer traceFile, LoopConfig loop) throws HalException {
        if (traceFile == null) {
            return board;
        }
        err().println("recording every HAL read and write to " + record);
        return new TraceRecorder(board, traceHeader(loop), traceFile);
    }

    /** What makes this run the one a trace records: firmware version, seed, board config and firmware settings. */
    private TraceHeader traceHeader(LoopConfig loop) throws HalException {
        return TraceHeader.of(DeviceMeta.FIRMWARE_VERSION, loop.seed(), SourceText.read(config), loop.runSettings());
    }

    private int replay(BoardConfig wiring, Application application) throws HalException {
        Trace trace = TraceFile.load(replay);
        trace.requireRecordedBy(traceHeader(application.config()));
        long lastTick = trace.lastTick();
        ReplayBoard board = new ReplayBoard(wiring, trace, storage());
        Firmware firmware = application.firmware().make(board, new StderrEvents(err()));
        report(firmware.boot());
        new FirmwareRunner(firmware).run(lastTick);
        safety.haltAtExit(firmware, err());
        PrintWriter out = spec.commandLine().getOut();
        Optional<ReplayMismatch> mismatch = board.verify();
        out.println(mismatch.map(m -> "replay FAILED: " + m)
                .orElse("replay matched: " + lastTick + " ticks, every output as recorded"));
        out.flush();
        return mismatch.isPresent() ? 1 : 0;
    }

    private Storage storage() throws HalException {
        return stateDir == null ? new MemoryStorage() : new FileStorage(stateDir);
    }

    private Board open(BoardConfig wiring) throws HalException {
        if (boardKind == BoardKind.pi4j) {
            return Pi4jBoard.open(wiring, stateDir);
        }
        SimBoard.Builder builder = SimBoard.builder().channels(wiring).storage(storage());
        if (scenario == null) {
            builder.clock(VirtualClock.paced(SystemClock.INSTANCE, SystemClock.INSTANCE, 100));
        }
        return builder.build();
    }

    /** The simulated board under a recorder, if any: scenarios drive the simulated board's inputs directly. */
    private static SimBoard simulated(Board board) {
        return (SimBoard) (board instanceof TraceRecorder recorder ? recorder.inner() : board);
    }

    private int runScenario(SimBoard board, Firmware firmware, FirmwareRunner runner) throws HalException {
        ScenarioResult result = new ScenarioRunner(board, new ScenarioTarget() {
            @Override
            public void advance(long nanos) {
                runner.runFor(nanos);
            }

            @Override
            public void signal(String name, String value) throws HalException {
                applySignal(firmware, name, value);
            }
        }).run(Scenario.load(scenario));
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.passed() ? "scenario passed: " + result.expectations() + " expectations met"
                : "scenario FAILED:");
        result.failures().forEach(f -> out.println("  " + f));
        out.flush();
        return result.passed() ? 0 : 1;
    }

    /**
     * A scenario's {@code signal} line applied to the firmware: {@code modulator}, {@code learning} or {@code halt}.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} naming an unknown signal or a value that is not a number
     */
    public static void applySignal(Firmware firmware, String name, String value) throws HalException {
        try {
            switch (name) {
                case "modulator" -> firmware.signalModulator(Double.parseDouble(value));
                case "learning" -> firmware.setLearning(Double.parseDouble(value) != 0);
                case "halt" -> halt(firmware, Double.parseDouble(value) != 0);
                default -> throw new HalException(ErrorKind.INVALID_CONFIG, "unknown signal '" + name
                        + "'; the firmware knows: modulator, learning, halt");
            }
        } catch (IllegalArgumentException e) {
            throw new HalException(ErrorKind.INVALID_CONFIG, "signal " + name + " " + value + ": " + e.getMessage());
        }
    }

    /** {@code signal halt 1} is {@code cmd/halt}; {@code signal halt 0} is {@code cmd/resume}. */
    private static void halt(Firmware firmware, boolean halt) throws HalException {
        if (halt) {
            firmware.halt(HaltCause.COMMAND);
        } else {
            firmware.resume();
        }
    }

    /**
     * Runs until {@code --ticks} or a signal, with the watchdog looking on. On SIGINT/SIGTERM (or any JVM exit) the
     * shutdown hook stops the loop, makes sure the outputs are safe ({@link OutputSafety}), and waits until
     * {@link #call} has saved the snapshot and closed the board; the JVM then exits with 128 + signal (130 or 143),
     * as a signalled program does.
     */
    private int runLoop(Firmware firmware, FirmwareRunner runner) {
        safety.installShutdownHook(firmware, runner, stopped, err());
        try (TickWatchdog watchdog = safety.startWatchdog(firmware, runner, err())) {
            if (ticks != null) {
                runner.run(ticks);
                return 0;
            }
            err().println("device " + id + " running; Ctrl-C (SIGINT) or SIGTERM saves state and stops");
            err().flush();
            runner.runUntilStopped();
            return 0;
        }
    }

    private void refusals(CommandAccess access) {
        if (brokerUrl != null) {
            err().println("commands refused: " + access.refusedOff() + " not allowed (" + CommandAccess.OPTION + "), "
                    + access.refusedOverRate() + " over the rate limit (" + CommandAccess.RATE_OPTION + ")");
            err().flush();
        }
    }

    /**
     * Says what was booted. The snapshot is counted in its core's steps, not in ticks: ticks number this run's loop
     * from boot, the only tick numbering the device shows, and its core steps only on the ticks it works.
     */
    private void report(SnapshotStore.Boot boot) {
        PrintWriter err = err();
        boot.archive().ifPresent(folder -> err.println("moved the old snapshots to " + folder));
        boot.rejected().forEach(r -> err.println("snapshot rejected: " + r));
        err.println(boot.loaded().map(name -> "booted from " + name + ", saved after " + boot.tick() + " core steps")
                .orElse("no valid snapshot: starting from a new network"));
        err.flush();
    }

    private void summary(Firmware firmware) {
        FirmwareCounters c = firmware.counters();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("ticks %d, samples %d, decisions %d, learned %d (%d significant), deadline misses %d,"
                        + " MCU overruns %d (estimated), HAL errors %d, checkpoints %d (%d failed), state %,d bytes%n",
                c.ticks(), c.samples(), c.decisions(), c.learned(), c.significant(), c.deadlineMisses(),
                c.mcuOverruns(), c.halErrors(), c.checkpoints(), c.checkpointFailures(),
                firmware.network().budget().totalBytes());
        out.print(McuLoad.table(c.mcuLoad().summaries(), "this run's ticks on " + firmware.config().profile().id()
                + "'s clock"));
        out.flush();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
