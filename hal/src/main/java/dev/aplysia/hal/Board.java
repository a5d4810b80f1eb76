package dev.aplysia.hal;

import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.hal.time.WallClock;

/**
 * What a firmware instance gets: named channels, a clock, a pacer, a wall clock and persistent storage. Look channels up once, at
 * start; a lookup returns the same instance for the same name. A board is used from one thread, the one running the
 * firmware's tick loop.
 */
public interface Board extends AutoCloseable {

    /**
     * The digital input with this name.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} naming the channel and listing the known digital inputs
     */
    DigitalInput digitalInput(String name) throws HalException;

    /**
     * The digital output with this name.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} naming the channel and listing the known digital outputs
     */
    DigitalOutput digitalOutput(String name) throws HalException;

    /**
     * The PWM output with this name.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} naming the channel and listing the known PWM outputs
     */
    PwmOutput pwmOutput(String name) throws HalException;

    /**
     * The analog input with this name.
     *
     * @throws HalException {@link ErrorKind#INVALID_CHANNEL} naming the channel and listing the known analog inputs
     */
    AnalogInput analogInput(String name) throws HalException;

    /** The board's monotonic clock: the only time source firmware reads. */
    Clock clock();

    /** Waits on the board's clock; a tick loop paces itself with it. */
    Pacer pacer();

    /**
     * The wall clock that stamps the board's reports ({@code ts} in telemetry); never read to decide anything. By
     * default the host's ({@link SystemClock}): a Pi's, kept by NTP; a board without one of its own (an MCU set over
     * the network, a simulated board) overrides this.
     */
    default WallClock wallClock() {
        return SystemClock.INSTANCE;
    }

    /** Persistent named blobs. */
    Storage storage();

    /**
     * Marks the start of firmware tick {@code tick}. Firmware calls it once per tick, first thing, with a counter that
     * increases by one per tick. Boards that record or replay traces key their entries by it; others ignore it.
     *
     * @throws HalException when a recording board cannot write its trace
     */
    default void beginTick(long tick) throws HalException {
    }

    /** Releases the hardware: outputs go to their shutdown state. */
    @Override
    void close() throws HalException;
}
