package dev.aplysia.device.firmware;

/**
 * Where the firmware reports, from the tick thread; {@code tick} is the firmware loop's tick (one per
 * {@link Firmware#doWork()}, counted from boot). Implementations must not block or allocate per call (the
 * telemetry adapter writes into a bounded queue); the default methods ignore everything.
 */
public interface FirmwareEvents {

    /** Ignores every event. */
    FirmwareEvents NONE = new FirmwareEvents() {
    };

    /** Reports every event to {@code first}, then to {@code second}. */
    static FirmwareEvents both(FirmwareEvents first, FirmwareEvents second) {
        return new FirmwareEvents() {
            @Override
            public void decided(long tick, long sample, int decided, int taught) {
                first.decided(tick, sample, decided, taught);
                second.decided(tick, sample, decided, taught);
            }

            @Override
            public void learned(long tick, long sample, int taught, double modulator) {
                first.learned(tick, sample, taught, modulator);
                second.learned(tick, sample, taught, modulator);
            }

            @Override
            public void halError(long tick, String what, Exception error) {
                first.halError(tick, what, error);
                second.halError(tick, what, error);
            }

            @Override
            public void checkpoint(long tick, boolean ok, String detail) {
                first.checkpoint(tick, ok, detail);
                second.checkpoint(tick, ok, detail);
            }

            @Override
            public void halted(long tick, HaltCause cause) {
                first.halted(tick, cause);
                second.halted(tick, cause);
            }

            @Override
            public void resumed(long tick) {
                first.resumed(tick);
                second.resumed(tick);
            }
        };
    }

    /**
     * A classification finished and the actuators were driven.
     *
     * @param taught the class a teaching input named for this sample, or -1
     */
    default void decided(long tick, long sample, int decided, int taught) {
    }

    /** A sample was learned with the given neuromodulator level. */
    default void learned(long tick, long sample, int taught, double modulator) {
    }

    /** A HAL operation failed; {@code what} names the channel and operation. */
    default void halError(long tick, String what, Exception error) {
    }

    /** A snapshot was saved ({@code ok}) or failed. */
    default void checkpoint(long tick, boolean ok, String detail) {
    }

    /**
     * The outputs were driven to their safe values. A halt by the watchdog or a shutdown hook happens on their
     * thread; it is reported here, on the tick thread, at the next tick (so a loop stuck for good never reports it).
     */
    default void halted(long tick, HaltCause cause) {
    }

    /** A {@code resume} let the firmware drive its outputs again. */
    default void resumed(long tick) {
    }
}
