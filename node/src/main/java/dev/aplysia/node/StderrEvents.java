package dev.aplysia.node;

import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.HaltCause;
import java.io.PrintWriter;

/** Firmware events as lines on stderr (errors, checkpoints, halts: decisions are too many to print). */
public record StderrEvents(PrintWriter err) implements FirmwareEvents {

    @Override
    public void halError(long tick, String what, Exception error) {
        err.println("tick " + tick + ": " + what + " failed: " + error.getMessage());
        err.flush();
    }

    @Override
    public void checkpoint(long tick, boolean ok, String detail) {
        err.println("tick " + tick + ": " + (ok ? "snapshot saved" : "snapshot failed: " + detail));
        err.flush();
    }

    @Override
    public void halted(long tick, HaltCause cause) {
        err.println("tick " + tick + ": outputs halted at their safe values (" + cause.label() + ")");
        err.flush();
    }

    @Override
    public void resumed(long tick) {
        err.println("tick " + tick + ": outputs resumed");
        err.flush();
    }
}
