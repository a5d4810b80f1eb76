package dev.aplysia.device.firmware;

import dev.aplysia.device.telemetry.FrameChannel;
import dev.aplysia.device.telemetry.Telemetry;

/**
 * The firmware's reports as telemetry: each {@link FirmwareEvents} call becomes one frame, stamped by the
 * {@link Telemetry}'s clocks ({@code ts} wall time, {@code uptime_ms} board time). Decisions and learned samples are
 * frequent streams (QoS 0); HAL errors, checkpoints, halts and resumes are events (QoS 1).
 * Called on the tick thread; allocates nothing, except what an exception's {@code getMessage()} may build.
 *
 * <pre>
 * telemetry/decisions  {seq, tick, ts, uptime_ms, sample, decided, taught}     taught: -1 without a teacher
 * telemetry/learning   {seq, tick, ts, uptime_ms, sample, taught, modulator}   modulator: 3 decimals
 * event/hal-error      {seq, tick, ts, uptime_ms, what, error}
 * event/checkpoint     {seq, tick, ts, uptime_ms, ok, detail}
 * event/halted         {seq, tick, ts, uptime_ms, cause}                   cause: command | stall | shutdown | start
 * event/resumed        {seq, tick, ts, uptime_ms}
 * </pre>
 */
public final class FirmwareTelemetry implements FirmwareEvents {

    /** Stream of finished classifications. */
    public static final String DECISIONS = "decisions";
    /** Stream of learned samples. */
    public static final String LEARNING = "learning";
    /** Event type of failed HAL operations. */
    public static final String HAL_ERROR = "hal-error";
    /** Event type of saved or failed snapshots. */
    public static final String CHECKPOINT = "checkpoint";
    /** Event type of outputs driven to their safe values. */
    public static final String HALTED = "halted";
    /** Event type of outputs driven again after a halt. */
    public static final String RESUMED = "resumed";

    private final FrameChannel decisions;
    private final FrameChannel learning;
    private final FrameChannel halErrors;
    private final FrameChannel checkpoints;
    private final FrameChannel halts;
    private final FrameChannel resumes;

    /** Registers the six channels on {@code telemetry}, which is stamped by the board's clocks. */
    public FirmwareTelemetry(Telemetry telemetry) {
        this.decisions = telemetry.stream(DECISIONS);
        this.learning = telemetry.stream(LEARNING);
        this.halErrors = telemetry.event(HAL_ERROR);
        this.checkpoints = telemetry.event(CHECKPOINT);
        this.halts = telemetry.event(HALTED);
        this.resumes = telemetry.event(RESUMED);
    }

    @Override
    public void decided(long tick, long sample, int decided, int taught) {
        decisions.begin(tick).field("sample", sample).field("decided", decided).field("taught", taught);
        decisions.send();
    }

    @Override
    public void learned(long tick, long sample, int taught, double modulator) {
        learning.begin(tick).field("sample", sample).field("taught", taught)
                .field("modulator", modulator, 3);
        learning.send();
    }

    @Override
    public void halError(long tick, String what, Exception error) {
        halErrors.begin(tick).field("what", what).field("error", error.getMessage());
        halErrors.send();
    }

    @Override
    public void checkpoint(long tick, boolean ok, String detail) {
        checkpoints.begin(tick).field("ok", ok).field("detail", detail);
        checkpoints.send();
    }

    @Override
    public void halted(long tick, HaltCause cause) {
        halts.begin(tick).field("cause", cause.label());
        halts.send();
    }

    @Override
    public void resumed(long tick) {
        resumes.begin(tick);
        resumes.send();
    }
}
