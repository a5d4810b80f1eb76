package dev.aplysia.node;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.HaltCause;
import dev.aplysia.device.firmware.SafeOutputs;
import dev.aplysia.device.firmware.TickWatchdog;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.time.DurationText;
import dev.aplysia.hal.time.SystemClock;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Keeps a running firmware's outputs safe when its loop stalls or the process ends: the {@code --watchdog} option
 * and its {@link TickWatchdog}, the halt at the end of every run, and the shutdown hook that halts the outputs itself
 * when the tick thread is stuck (see {@code docs/firmware.md}, "Safe outputs").
 */
public final class OutputSafety {

    /** The shortest watchdog time: ten 1 ms ticks. */
    private static final long MIN_WATCHDOG_NANOS = 10_000_000L;

    @Option(names = "--watchdog", defaultValue = "500ms", description = "Halt every output at its safe value when"
            + " the tick loop has not ticked for this long of wall time (ns, us, ms or s; 0ms: no watchdog; default:"
            + " ${DEFAULT-VALUE}). The outputs stay halted until cmd/resume.")
    String watchdog;

    @Option(names = "--start-halted", description = "Start with every output at its safe value, sensing, driving and"
            + " learning nothing until cmd/resume: for a robot a service manager may restart with nobody watching.")
    boolean startHalted;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /** Counted down once the tick thread, its loop over, has driven every output to its safe value. */
    private final CountDownLatch outputsSafe = new CountDownLatch(1);
    private Thread shutdownHook;

    /**
     * {@code --watchdog} in nanoseconds, 0 for none.
     *
     * @throws CommandLine.ParameterException for text that is not a duration, or one shorter than ten ticks
     */
    long watchdogNanos() {
        long nanos;
        try {
            nanos = DurationText.parseNanos(watchdog);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--watchdog: " + e.getMessage());
        }
        if (nanos > 0 && nanos < MIN_WATCHDOG_NANOS) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--watchdog " + watchdog + " is shorter"
                    + " than 10ms, ten ticks: a tick loop's ordinary pauses would halt the robot (0ms turns it off)");
        }
        return nanos;
    }

    /** A started watchdog over {@code runner}, reporting on {@code err}; null with {@code --watchdog 0ms}. */
    TickWatchdog startWatchdog(Firmware firmware, FirmwareRunner runner, PrintWriter err) {
        long limit = watchdogNanos();
        if (limit == 0) {
            return null;
        }
        TickWatchdog dog = new TickWatchdog(runner, firmware.outputs(), limit, SystemClock.INSTANCE,
                (silentNanos, failure) -> {
                    err.println("watchdog: no tick for " + silentNanos / 1_000_000 + " ms; outputs halted at their"
                            + " safe values until cmd/resume" + (failure == null ? ""
                            : ", but not every one: " + failure.getMessage()));
                    err.flush();
                });
        dog.start();
        return dog;
    }

    /**
     * Registers the JVM shutdown hook (SIGINT, SIGTERM, any exit): it makes the outputs safe as {@link #stopSafely}
     * does, then waits for {@code stopped} (the snapshot saved, the board closed).
     */
    void installShutdownHook(Firmware firmware, FirmwareRunner runner, CountDownLatch stopped, PrintWriter err) {
        long limit = watchdogNanos();
        long patienceNanos = limit > 0 ? limit : TickWatchdog.DEFAULT_LIMIT_NANOS;
        shutdownHook = new Thread(() -> {
            stopSafely(runner, firmware.outputs(), outputsSafe, patienceNanos, err);
            awaitQuietly(stopped, Long.MAX_VALUE);
        }, "aplysia-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** With {@code --start-halted}, halts the booted firmware before its first tick. */
    void haltAtStart(Firmware firmware) throws HalException {
        if (startHalted) {
            firmware.halt(HaltCause.START);
        }
    }

    /** Drives every output to its safe value on the tick thread, its loop over (however it ended). */
    void haltAtExit(Firmware firmware, PrintWriter err) {
        try {
            firmware.halt(HaltCause.SHUTDOWN);
        } catch (HalException e) {
            err.println("could not drive every output to its safe value: " + e.getMessage());
        }
        outputsSafe.countDown();
    }

    /** Unregisters the hook once the run is over, unless the JVM is already running it. */
    void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, and stays.
        }
    }

    /**
     * Stops the loop and waits up to {@code patienceNanos} for the tick thread to make the outputs safe (it counts
     * {@code outputsSafe} down); if it has not, it is stuck, and this thread drives them to their safe values itself.
     */
    static void stopSafely(FirmwareRunner runner, SafeOutputs outputs, CountDownLatch outputsSafe, long patienceNanos,
                           PrintWriter err) {
        runner.stop();
        if (awaitQuietly(outputsSafe, patienceNanos)) {
            return;
        }
        try {
            outputs.halt(HaltCause.SHUTDOWN);
            err.println("shutdown: the tick loop did not stop; outputs halted at their safe values from the hook");
        } catch (HalException e) {
            err.println("shutdown: the tick loop did not stop; could not drive every output to its safe value: "
                    + e.getMessage());
        }
        err.flush();
    }

    /** Waits up to {@code nanos}; false if the latch is still closed then (or the wait was interrupted). */
    private static boolean awaitQuietly(CountDownLatch latch, long nanos) {
        try {
            return latch.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
