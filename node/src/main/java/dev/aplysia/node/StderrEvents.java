package dev.aplysia.node;

import dev.aplysia.device.firmware.FirmwareEvents;
import java.io.PrintWriter;

/** Firmware events as lines on stderr (errors and checkpoints only: decisions are too many to print). */
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
}
