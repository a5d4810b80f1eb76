package dev.aplysia.device.firmware;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.persist.SnapshotStore;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;

/**
 * The firmware loop: a {@link FirmwareApp} bound to a board's channels and run one tick per {@link #doWork()} call,
 * in fixed phases: sense (the first tick of each sample period), decide (the application advances its core a tick),
 * actuate, learn, report. It reads time only from the board's clock, never allocates or logs on the tick path, and
 * counts errors instead of throwing them (see {@link FirmwareCounters}). The classifier robot ({@link RobotWiring},
 * taught by a demonstrator) and the reward robot ({@code dev.aplysia.device.reward}) are two applications of it.
 *
 * <p>Snapshots are saved at the start of a period, before sensing, every {@code checkpointTicks}; failed saves back
 * off (see {@link CheckpointSchedule}), and each failure is counted and reported once. A failed
 * {@link #finalCheckpoint} throws, so that a run whose learning was not saved cannot end as if it had been.
 *
 * <p>The actuators are driven only through {@link SafeOutputs}; while {@link #halt halted} they stay at their safe
 * values and no period is sensed.
 */
public final class Firmware {

    private final LoopConfig config;
    private final FirmwareApp app;
    private final Board board;
    private final FirmwareEvents events;
    private final SnapshotStore snapshots;
    private final FirmwareCounters counters;
    private final SafeOutputs outputs;
    private boolean learning = true;
    private int tickInSample;
    private final CheckpointSchedule schedule;
    private long lastSavedTick = -1;
    private HalException lastSaveFailure;
    private HaltCause reportedHalt;

    /**
     * The classifier robot on {@code board}: every channel is looked up now, so a missing one fails at start.
     *
     * @throws HalException naming a channel the board does not have
     */
    public Firmware(FirmwareConfig config, Board board, FirmwareEvents events) throws HalException {
        this(config, new ClassifierRobot(config, board), board, events);
    }

    /**
     * Runs {@code app}, configured by {@code config}, on {@code board}; the actuators are looked up now.
     *
     * @throws HalException naming a channel the board does not have, or a safe duty beyond its motor's full scale
     */
    public Firmware(LoopConfig config, FirmwareApp app, Board board, FirmwareEvents events) throws HalException {
        this.config = config;
        this.app = app;
        this.board = board;
        this.events = events;
        this.counters = new FirmwareCounters(new McuLoad(config.profile(), config.tickNanos()));
        this.snapshots = new SnapshotStore(board.storage());
        this.schedule = new CheckpointSchedule(config.checkpointTicks());
        PwmOutput[] motors = new PwmOutput[config.motors().size()];
        for (int m = 0; m < motors.length; m++) {
            motors[m] = board.pwmOutput(config.motors().get(m));
        }
        DigitalOutput[] leds = new DigitalOutput[config.classLeds().size()];
        for (int k = 0; k < leds.length; k++) {
            leds[k] = board.digitalOutput(config.classLeds().get(k));
        }
        this.outputs = new SafeOutputs(config, motors, leds);
    }

    /**
     * Loads the newest valid snapshot, if any.
     *
     * @return what was loaded and what was rejected
     * @throws HalException {@link dev.aplysia.hal.ErrorKind#INVALID_CONFIG} when the storage holds another
     *                      network's snapshots, naming them and what differs (see {@link SnapshotStore})
     */
    public SnapshotStore.Boot boot() throws HalException {
        return snapshots.boot(app.network());
    }

    /**
     * Starts as a new network: moves every snapshot on the storage to an archive folder first, so that none is lost.
     *
     * @return where the old snapshots went, and that nothing was loaded
     * @throws HalException when a snapshot cannot be archived (it then stays where it was)
     */
    public SnapshotStore.Boot bootAsNewNetwork() throws HalException {
        return snapshots.bootAsNewNetwork(app.network());
    }

    /** Runs one tick; returns 1 if the core did work this tick, 0 if it idled until the next sample. */
    public int doWork() {
        counters.ticks++;
        try {
            board.beginTick(counters.ticks);
        } catch (HalException e) {
            halError("trace", e);
        }
        reportHalt();
        if (tickInSample == 0) {
            checkpointIfDue();
            if (reportedHalt == null) {
                sense();
            }
        }
        int work = advance();
        tickInSample = (tickInSample + 1) % config.ticksPerSample();
        return work;
    }

    private void sense() {
        counters.samples++;
        try {
            app.sense();
        } catch (HalException e) {
            halError("sense", e);
        }
    }

    private int advance() {
        FirmwareApp.Step step = app.step();
        if (step == FirmwareApp.Step.DECIDED) {
            app.learn(actuate(app.decision()), learning);
        } else if (step == FirmwareApp.Step.LEARNED) {
            learned();
        }
        return step == FirmwareApp.Step.IDLE ? 0 : 1;
    }

    private void learned() {
        counters.learned++;
        if (app.significant()) {
            counters.significant++;
        }
        events.learned(counters.ticks, counters.samples, app.label(), app.modulator());
    }

    /** Drives the outputs for {@code decided}; false (nothing driven, nothing to learn from) while halted. */
    private boolean actuate(int decided) {
        try {
            if (!outputs.drive(decided)) {
                return false;
            }
        } catch (HalException e) {
            halError("actuate", e);
        }
        counters.decisions++;
        events.decided(counters.ticks, counters.samples, decided, app.label());
        return true;
    }

    /** Reports a halt that happened since the last report, on this thread or another (the watchdog's). */
    private void reportHalt() {
        HaltCause cause = outputs.halted();
        if (cause != reportedHalt) {
            reportedHalt = cause;
            if (cause != null) {
                counters.halts++;
                events.halted(counters.ticks, cause);
            }
        }
    }

    /**
     * Drives every output to its safe value and holds it there, between ticks: no sample is sensed, decided, driven
     * or learned until {@link #resume()}; a presentation under way finishes without driving; commands and
     * checkpoints go on. Halting a halted firmware writes the safe values again.
     *
     * @throws HalException a safe value that could not be written (after trying every output); halted all the same
     */
    public void halt(HaltCause cause) throws HalException {
        try {
            outputs.halt(cause);
        } finally {
            reportHalt();
        }
    }

    /** Drives again from the next decision on, between ticks; learning goes on as it was before the halt. */
    public void resume() {
        if (outputs.resume()) {
            reportedHalt = null;
            events.resumed(counters.ticks);
        }
    }

    /** Why the outputs are halted, or null while the firmware drives them. */
    public HaltCause halted() {
        return outputs.halted();
    }

    /** The outputs and their safe values, for a thread that must make them safe (watchdog, shutdown hook). */
    public SafeOutputs outputs() {
        return outputs;
    }

    private void checkpointIfDue() {
        if (schedule.due(counters.ticks)) {
            checkpoint();
        }
    }

    /**
     * Saves a snapshot now (between presentations); a failure is counted and reported once, with when the next
     * scheduled attempt comes, and the state keeps running.
     */
    public void checkpoint() {
        long tick = counters.ticks;
        try {
            String slot = snapshots.save(app.network());
            counters.checkpoints++;
            schedule.succeeded(tick);
            lastSavedTick = tick;
            lastSaveFailure = null;
            events.checkpoint(tick, true, slot);
        } catch (HalException e) {
            counters.checkpointFailures++;
            int wait = schedule.failed(tick);
            lastSaveFailure = e;
            events.checkpoint(tick, false, e.getMessage() + " (failure " + schedule.failuresInARow()
                    + " in a row, " + counters.checkpointFailures + " in all; next attempt in " + wait
                    + " checkpoint interval" + (wait == 1 ? "" : "s") + ")");
        }
    }

    /**
     * Saves a snapshot at the end of a run, whatever the back-off.
     *
     * @throws HalException when the save fails, saying where to, why, and which learning is lost
     */
    public void finalCheckpoint() throws HalException {
        checkpoint();
        if (lastSaveFailure != null) {
            String lost = lastSavedTick < 0 ? "everything learned in this run is lost"
                    : "what was learned after firmware tick " + lastSavedTick + " is lost";
            throw new HalException(lastSaveFailure.kind(), "the final snapshot was not saved in " + board.storage()
                    + ", so " + lost + ": " + lastSaveFailure.getMessage(), lastSaveFailure);
        }
    }

    private void halError(String what, HalException e) {
        counters.halErrors++;
        events.halError(counters.ticks, what, e);
    }

    /** Turns learning on or off (the teaching inputs are still read; nothing is learned while off). */
    public void setLearning(boolean enabled) {
        learning = enabled;
    }

    /** True while learning. */
    public boolean learning() {
        return learning;
    }

    /**
     * Delivers a neuromodulator level for the next taught sample (a scenario's {@code signal modulator X}); 0 lets
     * that sample pass without learning.
     */
    public void signalModulator(double level) {
        if (!(level >= 0 && level < 4)) {
            throw new IllegalArgumentException("modulator must be in [0, 4), got " + level);
        }
        app.signalModulator(level);
    }

    /**
     * Writes one weight of a projection of the core (e.g. learned elsewhere), between ticks.
     *
     * @param index synapse index, row-major {@code [pre][post]}
     * @param value real weight, clamped to the projection's bounds
     * @throws IllegalArgumentException for an unknown projection or an index out of range
     */
    public void loadWeight(String projection, int index, double value) {
        var target = app.network().projection(projection);
        if (index < 0 || index >= target.synapses()) {
            throw new IllegalArgumentException("projection " + projection + " has " + target.synapses()
                    + " weights; index " + index + " is outside");
        }
        target.engine().setWeight(index, (int) target.spec().weightFormat().toRaw(value));
    }

    /** The firmware's counters. */
    public FirmwareCounters counters() {
        return counters;
    }

    /** The core's operation counters. */
    public OpCounters operations() {
        return app.network().counters();
    }

    /** The network (state bytes, inspection). */
    public Network network() {
        return app.network();
    }

    /** The configuration. */
    public LoopConfig config() {
        return config;
    }

    /** The board. */
    public Board board() {
        return board;
    }

    void countDeadlineMiss() {
        counters.deadlineMisses++;
    }

    /**
     * Costs the work counted between {@code before} and {@code after} as one tick on every MCU profile, counting an
     * overrun if it exceeds the own profile's period; returns the own profile's cycles.
     */
    long costTick(OpCounters before, OpCounters after) {
        long cycles = counters.load.record(before, after);
        if (cycles > counters.load.ownPeriodCycles()) {
            counters.mcuOverruns++;
        }
        return cycles;
    }
}
