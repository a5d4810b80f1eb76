package dev.aplysia.device.core;

import dev.aplysia.device.fixed.Fx;
import dev.aplysia.device.model.TraceSpec;
import java.util.Arrays;

/**
 * A population's spike traces in {@link TraceSpec#FORMAT}, clocked or event-driven ({@link TraceSpec#eventDriven()}).
 *
 * <p>Clocked: every tick every trace leaks by the Q16 factor, rounding toward zero, in a loop of 32-bit operations
 * the JIT vectorises ({@link Fx#decayTowardZero(int, int)}). Event-driven: a trace is stored with the tick it was
 * last written, and read as {@code x * D(n)} for {@code n} ticks since, rounding toward zero, where {@code D(n)} is
 * {@code decay^n} in Q30, the product of two table entries {@code decay^(n mod 64)} and {@code decay^(64 (n div 64))}
 * rounded to nearest; {@code D(n) = 0} from the horizon on, where {@code decay^n} is below {@code 2^-31}. So a
 * silent input costs nothing per tick, and a read costs two multiplies. Every {@link #SWEEP_TICKS} ticks the traces
 * older than the horizon are written as 0 at the current tick, so a stored 32-bit tick is never more than
 * {@code SWEEP_TICKS + horizon} old and never wraps. A snapshot holds each trace's age (ticks since its write), so
 * every value can be checked on its own and a snapshot does not depend on where the 32-bit tick has wrapped.
 */
final class Traces {

    /** Period of the event-driven sweep that retires traces past their horizon. */
    static final int SWEEP_TICKS = EventDrivenTraces.SWEEP_TICKS;
    private static final int LOW_BITS = EventDrivenTraces.LOW_BITS;
    private static final int LOW = 1 << LOW_BITS;
    private static final int Q30 = 30;

    private final int size;
    private final int[] value;
    private final int[] written;
    private final int decay;
    private final int increment;
    private final boolean set;
    private final int[] lowPowers;
    private final int[] highPowers;
    private final int horizon;
    private long tick;

    Traces(int size, TraceSpec spec) {
        this.size = size;
        this.value = new int[size];
        this.decay = Fx.decayQ16(spec.decay());
        this.increment = (int) TraceSpec.FORMAT.toRaw(spec.increment());
        this.set = spec.mode() == TraceSpec.Mode.SET;
        if (spec.eventDriven()) {
            this.horizon = TraceSpec.horizonTicks(spec.decay());
            this.lowPowers = EventDrivenTraces.lowPowers(spec.decay());
            this.highPowers = EventDrivenTraces.highPowers(spec.decay(), horizon);
            this.written = new int[size];
        } else {
            this.horizon = 0;
            this.lowPowers = null;
            this.highPowers = null;
            this.written = null;
        }
    }

    /**
     * Moves to {@code now}: clocked traces leak one tick; event-driven ones only note the tick, and retire the old
     * ones every {@value #SWEEP_TICKS} ticks. Returns the traces visited.
     */
    int advance(long now) {
        tick = now;
        if (written != null) {
            if ((now & (SWEEP_TICKS - 1)) == 0) {
                retireOld();
                return size;
            }
            return 0;
        }
        if (decay == Fx.ONE_Q16) {
            return 0;
        }
        for (int i = 0; i < size; i++) {
            value[i] = Fx.decayTowardZero(value[i], decay);
        }
        return size;
    }

    private void retireOld() {
        for (int i = 0; i < size; i++) {
            if ((int) tick - written[i] >= horizon) {
                value[i] = 0;
                written[i] = (int) tick;
            }
        }
    }

    /** Trace {@code i} now (raw). */
    int value(int i) {
        if (written == null) {
            return value[i];
        }
        int age = (int) tick - written[i];
        if (age == 0) {
            return value[i];
        }
        if (age < 0 || age >= horizon) {
            return 0;
        }
        long power = Fx.shiftRound((long) lowPowers[age & (LOW - 1)] * highPowers[age >>> LOW_BITS], Q30);
        long product = (long) value[i] * power;
        return (int) (product >= 0 ? product >> Q30 : -((-product) >> Q30));
    }

    /** Adds (or sets) the spikes of this tick. */
    void addSpikes(Spikes spikes) {
        for (int i = spikes.next(0); i >= 0; i = spikes.next(i + 1)) {
            int next = set ? increment : (int) TraceSpec.FORMAT.fit((long) value(i) + increment);
            value[i] = next;
            if (written != null) {
                written[i] = (int) tick;
            }
        }
    }

    /** Sets every trace to 0. */
    void reset() {
        Arrays.fill(value, 0);
        if (written != null) {
            Arrays.fill(written, (int) tick);
        }
    }

    /** The stored values (for an event-driven trace, as of each one's last write). */
    int[] values() {
        return value;
    }

    /** True for event-driven traces, whose write ticks are state too. */
    boolean eventDriven() {
        return written != null;
    }

    /**
     * The ticks since each event-driven trace was last written, as of {@code now}, in place of the write ticks, for a
     * state visit ({@link #ageRange}); {@link #restoreAges} turns them back.
     */
    int[] agesAt(long now) {
        for (int i = 0; i < size; i++) {
            written[i] = (int) now - written[i];
        }
        return written;
    }

    /** Turns visited ages back into write ticks before {@code now}. */
    void restoreAges(long now) {
        for (int i = 0; i < size; i++) {
            written[i] = (int) now - written[i];
        }
    }

    /**
     * The ages a trace can have: 0 up to its horizon plus the sweep's period (a trace older than its horizon is
     * retired to 0 at the next sweep).
     */
    ValueRange ageRange() {
        return new ValueRange("the ticks since an event-driven trace was written (0 to its horizon " + horizon
                + " plus the sweep period " + SWEEP_TICKS + ")", 0, (long) horizon + SWEEP_TICKS);
    }

    /** Bytes of state. */
    long bytes() {
        return (long) size * (TraceSpec.FORMAT.containerBytes() + (written == null ? 0 : Integer.BYTES));
    }

    /** Restores the tick after a snapshot was loaded. */
    void restoreTick(long now) {
        tick = now;
    }
}
