package dev.aplysia.device.firmware;

import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;

/**
 * Runs a {@link Firmware} tick by tick against the board's clock, like an Agrona {@code AgentRunner}: each tick has a
 * deadline one tick period after the previous one; work that ends after its deadline is a deadline miss; the runner
 * then sleeps on the board's pacer until the deadline (on the simulated board the virtual clock jumps there).
 *
 * <p>Each tick's operations are costed on the MCU profile's {@link dev.aplysia.device.model.CostModel} (instruction
 * counts measured under QEMU): the estimated time is {@link Pacer#spend spent} on the board's pacer, so on the
 * simulated board the virtual clock moves by what the MCU would take and a deadline is missed exactly when the MCU
 * would miss it (a late tick also delays the next one's start); on real hardware time passes by itself. The clock
 * is read once per tick, before the charge, so a recording of a run that keeps time stays a steady clock run
 * (a replay, whose pacer charges nothing, counts the misses of the recorded reads only). A tick whose
 * estimate exceeds the period is an MCU overrun, and every tick's share of its period, on its own profile and on
 * every other, goes into the counters' {@link FirmwareCounters#mcuLoad()}: the figures that matter while the
 * firmware runs on a faster host.
 */
public final class FirmwareRunner {

    private final Firmware firmware;
    private final Clock clock;
    private final Pacer pacer;
    private final long tickNanos;
    private final McuProfile profile;
    private final OpCounters before = new OpCounters();
    private final Runnable betweenTicks;
    private long nextDeadline;
    private volatile boolean stopping;
    private volatile long heartbeat;

    /** A runner for {@code firmware} on its board's clock and pacer; the first deadline is one period from now. */
    public FirmwareRunner(Firmware firmware) {
        this(firmware, () -> { });
    }

    /**
     * A runner that also calls {@code betweenTicks} after each tick's work, before it waits for the next deadline
     * (for example to apply commands received over MQTT on the tick thread). It must not block or allocate.
     */
    public FirmwareRunner(Firmware firmware, Runnable betweenTicks) {
        this.firmware = firmware;
        this.betweenTicks = betweenTicks;
        this.clock = firmware.board().clock();
        this.pacer = firmware.board().pacer();
        this.tickNanos = firmware.config().tickNanos();
        this.profile = firmware.config().profile();
        this.nextDeadline = clock.nanos() + tickNanos;
    }

    /** Runs {@code ticks} ticks (or fewer if {@link #stop()} is called). */
    public void run(long ticks) {
        for (long t = 0; t < ticks && !stopping; t++) {
            tick();
        }
    }

    /**
     * Runs the ticks of the next {@code nanos} of the tick schedule: one per period. A board that keeps up ends with
     * its clock {@code nanos} later; on one that falls behind (ticks longer than their period) the same ticks run
     * late, back to back, and its clock ends further on.
     */
    public void runFor(long nanos) {
        long end = nextDeadline - tickNanos + nanos;
        while (!stopping && nextDeadline <= end) {
            tick();
        }
    }

    /** Runs until {@link #stop()} is called from another thread (a signal handler). */
    public void runUntilStopped() {
        while (!stopping) {
            tick();
        }
    }

    /** Asks the loop to stop after the current tick. */
    public void stop() {
        stopping = true;
    }

    /** Ticks finished so far; any thread may read it (a {@link TickWatchdog} does), only the loop moves it. */
    public long heartbeat() {
        return heartbeat;
    }

    private void tick() {
        OpCounters ops = firmware.operations();
        before.copyFrom(ops);
        firmware.doWork();
        betweenTicks.run();
        long cycles = firmware.costTick(before, ops);
        long finished = clock.nanos() + pacer.spend(profile.nanosOf(cycles));
        if (finished > nextDeadline) {
            firmware.countDeadlineMiss();
        }
        heartbeat++;
        pacer.sleepUntil(nextDeadline);
        nextDeadline += tickNanos;
    }
}
