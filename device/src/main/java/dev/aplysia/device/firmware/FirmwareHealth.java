package dev.aplysia.device.firmware;

import dev.aplysia.device.telemetry.FrameChannel;
import dev.aplysia.device.telemetry.Telemetry;
import dev.aplysia.device.telemetry.TelemetryQueue;
import dev.aplysia.device.wire.FrameWriter;

/**
 * The firmware's health as one retained frame per second of board time on {@code telemetry/health} (QoS 1), so that a
 * dashboard arriving at any time reads the current state. It listens to the firmware's events (decisions, learned
 * samples, checkpoints) and {@link #report reports} between ticks, on the tick thread: the counters it reads belong
 * to that thread, and the frame goes through the same queue as every other. Allocates nothing.
 *
 * <pre>
 * telemetry/health {seq, tick, ts, uptime_ms, ticks_per_s, deadline_misses, mcu_overruns, tick_utilisation_peak,
 *                   tick_utilisation_p99, hal_errors, queue_depth, dropped, snapshot_age_ms, learning, halted,
 *                   decisions, learned, accuracy, accuracy_of, modulator, heap_bytes}
 * </pre>
 *
 * <ul>
 *   <li>{@code ticks_per_s}: ticks run per second of board time since the previous health frame, 1 decimal; null in
 *       the first;</li>
 *   <li>{@code deadline_misses}, {@code mcu_overruns}, {@code hal_errors}, {@code decisions}, {@code learned}: since
 *       boot ({@link FirmwareCounters});</li>
 *   <li>{@code tick_utilisation_peak}, {@code tick_utilisation_p99}: the busiest and the 99th-percentile tick's
 *       estimated MCU time as a share of the tick period since boot ({@link TickUtilisation}), 4 decimals;</li>
 *   <li>{@code queue_depth}: frames waiting for the publisher; {@code dropped}: frames the full queue dropped since
 *       boot;</li>
 *   <li>{@code snapshot_age_ms}: board milliseconds since the last snapshot saved in this run; null before one;</li>
 *   <li>{@code learning}: the learning switch;</li>
 *   <li>{@code halted}: why the outputs are held at their safe values ({@link HaltCause#label()}), null while the
 *       firmware drives them;</li>
 *   <li>{@code accuracy}: the fraction of the last {@code accuracy_of} (at most {@value #ACCURACY_WINDOW}) taught
 *       decisions that named the taught class, 3 decimals; null before the first;</li>
 *   <li>{@code modulator}: the neuromodulator level of the last learned sample, 3 decimals; null before one;</li>
 *   <li>{@code heap_bytes}: the JVM heap in use.</li>
 * </ul>
 */
public final class FirmwareHealth implements FirmwareEvents {

    /** The retained stream it publishes on. */
    public static final String STREAM = "health";
    /** Board milliseconds between health frames. */
    public static final long PERIOD_MILLIS = 1_000;
    /** Taught decisions the rolling accuracy covers. */
    public static final int ACCURACY_WINDOW = 100;

    private final Telemetry telemetry;
    private final FrameChannel health;
    private final boolean[] correct = new boolean[ACCURACY_WINDOW];
    private int taughtSeen;
    private int correctSeen;
    private int nextSlot;
    private double modulator = Double.NaN;
    private long savedAtMillis = -1;
    private long reportedAtMillis = -1;
    private long reportedTicks;

    /** Registers the retained {@value #STREAM} stream on {@code telemetry}. */
    public FirmwareHealth(Telemetry telemetry) {
        this.telemetry = telemetry;
        this.health = telemetry.retainedStream(STREAM);
    }

    @Override
    public void decided(long tick, long sample, int decided, int taught) {
        if (taught < 0) {
            return;
        }
        if (taughtSeen == ACCURACY_WINDOW) {
            correctSeen -= correct[nextSlot] ? 1 : 0;
        } else {
            taughtSeen++;
        }
        correct[nextSlot] = decided == taught;
        correctSeen += decided == taught ? 1 : 0;
        nextSlot = (nextSlot + 1) % ACCURACY_WINDOW;
    }

    @Override
    public void learned(long tick, long sample, int taught, double modulator) {
        this.modulator = modulator;
    }

    @Override
    public void checkpoint(long tick, boolean ok, String detail) {
        if (ok) {
            savedAtMillis = telemetry.uptimeMillis();
        }
    }

    /**
     * Sends a health frame if none was sent yet or a {@linkplain #PERIOD_MILLIS second} of board time has passed since
     * the last one. Call it between ticks, on the tick thread.
     */
    public void report(Firmware firmware) {
        long now = telemetry.uptimeMillis();
        if (reportedAtMillis >= 0 && now - reportedAtMillis < PERIOD_MILLIS) {
            return;
        }
        long ticks = firmware.counters().ticks();
        FrameWriter frame = health.begin(ticks).field("ticks_per_s", ticksPerSecond(ticks, now), 1);
        loop(frame, firmware.counters(), now);
        learner(frame, firmware);
        Runtime heap = Runtime.getRuntime();
        frame.field("heap_bytes", heap.totalMemory() - heap.freeMemory());
        health.send();
        reportedAtMillis = now;
        reportedTicks = ticks;
    }

    /** How the loop keeps up: deadlines, errors, the queue, the last snapshot. */
    private void loop(FrameWriter frame, FirmwareCounters counters, long now) {
        TelemetryQueue queue = telemetry.queue();
        frame.field("deadline_misses", counters.deadlineMisses()).field("mcu_overruns", counters.mcuOverruns())
                .field("tick_utilisation_peak", counters.utilisation().peak(), 4)
                .field("tick_utilisation_p99", counters.utilisation().p99(), 4)
                .field("hal_errors", counters.halErrors()).field("queue_depth", queue.size())
                .field("dropped", queue.dropped()).field("snapshot_age_ms", snapshotAge(now), 0);
    }

    /** What the learner does and how well. */
    private void learner(FrameWriter frame, Firmware firmware) {
        FirmwareCounters counters = firmware.counters();
        HaltCause halt = firmware.halted();
        frame.field("learning", firmware.learning()).field("halted", halt == null ? null : halt.label())
                .field("decisions", counters.decisions())
                .field("learned", counters.learned()).field("accuracy", accuracy(), 3)
                .field("accuracy_of", taughtSeen).field("modulator", modulator, 3);
    }

    /** Ticks per second of board time since the last report; NaN (written as null) before the first. */
    private double ticksPerSecond(long ticks, long now) {
        if (reportedAtMillis < 0 || now == reportedAtMillis) {
            return Double.NaN;
        }
        return (ticks - reportedTicks) * 1000.0 / (now - reportedAtMillis);
    }

    private double snapshotAge(long now) {
        return savedAtMillis < 0 ? Double.NaN : now - savedAtMillis;
    }

    private double accuracy() {
        return taughtSeen == 0 ? Double.NaN : correctSeen / (double) taughtSeen;
    }
}
