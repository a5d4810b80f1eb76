package dev.aplysia.device.firmware;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The firmware's actuators (motors and LEDs) with their safe values: the one way the tick thread drives them, and the
 * way any other thread (the watchdog, a shutdown hook) makes them safe while the tick thread may be stuck.
 *
 * <p>Once {@link #halt halted}, {@link #drive} writes nothing until {@link #resume}: every output stays at its safe
 * value (the board config's {@code safe=}, default duty 0 and low).
 *
 * <p>Threads. The outputs belong to the tick thread; {@code drive} and {@code halt} write them under one lock, so a
 * halt never interleaves with a decision being driven. A tick thread stuck in an input read or a slow snapshot holds
 * no lock, and a halt from elsewhere writes at once. A tick thread stuck <em>inside</em> an output write holds it; a
 * halt then waits at most {@value #LOCK_WAIT_MILLIS} ms, marks the outputs halted and writes the safe values anyway: a
 * racing write to a stuck driver is better than a motor left running. Should the stuck write ever complete,
 * {@code drive} sees the mark, writes no further output, and writes the safe values again before it lets go, so the
 * last write to every output is a safe one. The uncontended lock costs a compare-and-set per decision and allocates nothing.
 */
public final class SafeOutputs {

    /** How long a halt waits for a write in progress on the tick thread before it writes regardless. */
    static final long LOCK_WAIT_MILLIS = 50;

    private final LoopConfig config;
    private final PwmOutput[] motors;
    private final DigitalOutput[] leds;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicReference<HaltCause> halted = new AtomicReference<>();

    /**
     * The config's motors and LEDs, in config order.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} when a safe duty exceeds its motor's full scale
     */
    SafeOutputs(LoopConfig config, PwmOutput[] motors, DigitalOutput[] leds) throws HalException {
        for (int m = 0; m < motors.length; m++) {
            if (config.safeDuty(m) > motors[m].maxDuty()) {
                throw new HalException(ErrorKind.INVALID_CONFIG, "safe duty " + config.safeDuty(m) + " of '"
                        + config.motors().get(m) + "' exceeds its max duty " + motors[m].maxDuty());
            }
        }
        this.config = config;
        this.motors = motors.clone();
        this.leds = leds.clone();
    }

    /**
     * Drives the outputs for the {@code decided} class (its motor duties, its LED lit); tick thread only.
     *
     * @return false, writing nothing, while halted
     * @throws HalException the write that failed; later outputs are left as they were
     */
    boolean drive(int decided) throws HalException {
        writing.lock();
        try {
            if (halted.get() != null) {
                return false;
            }
            writeFor(decided);
            if (halted.get() != null) {
                writeSafeValues();
            }
            return true;
        } finally {
            writing.unlock();
        }
    }

    /** Writes the decided class's values, stopping at the first output after a halt that did not wait for the lock. */
    private void writeFor(int decided) throws HalException {
        for (int m = 0; m < motors.length && halted.get() == null; m++) {
            motors[m].setDutyFraction(config.duty(decided, m), 1000);
        }
        for (int k = 0; k < leds.length && halted.get() == null; k++) {
            leds[k].set(k == decided);
        }
    }

    /**
     * Drives every output to its safe value and holds them there until {@link #resume}; any thread. Halting again
     * writes the safe values again and keeps the first cause.
     *
     * @return true if this call halted running outputs, false if they were already halted
     * @throws HalException the first write that failed, after every output has been tried; the outputs count as
     *                      halted all the same
     */
    public boolean halt(HaltCause cause) throws HalException {
        boolean locked = lockWithin(LOCK_WAIT_MILLIS);
        try {
            boolean first = halted.compareAndSet(null, cause);
            writeSafeValues();
            return first;
        } finally {
            if (locked) {
                writing.unlock();
            }
        }
    }

    /**
     * Lets {@link #drive} write again; tick thread. The outputs stay at their safe values until the next decision.
     *
     * @return true if the outputs were halted
     */
    boolean resume() {
        writing.lock();
        try {
            return halted.getAndSet(null) != null;
        } finally {
            writing.unlock();
        }
    }

    /** Why the outputs are halted, or null while the firmware drives them. */
    public HaltCause halted() {
        return halted.get();
    }

    private boolean lockWithin(long millis) {
        try {
            return writing.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writeSafeValues() throws HalException {
        HalException failure = null;
        for (int m = 0; m < motors.length; m++) {
            try {
                motors[m].setDuty(config.safeDuty(m));
            } catch (HalException e) {
                failure = firstOf(failure, e);
            }
        }
        for (int k = 0; k < leds.length; k++) {
            try {
                leds[k].set(config.safeLevel(k));
            } catch (HalException e) {
                failure = firstOf(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static HalException firstOf(HalException first, HalException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
