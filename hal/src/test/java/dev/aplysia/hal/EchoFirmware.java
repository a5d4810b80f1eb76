package dev.aplysia.hal;

import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.time.Clock;

/**
 * A stand-in firmware for HAL tests, on the {@link TestBoards} channels: each 1 ms tick the LED follows the button and
 * the motor duty follows sonar0 scaled to the motor's range; every rising edge is counted. Read failures skip the
 * tick's actuation.
 */
public final class EchoFirmware {

    /** The tick period: 1 ms. */
    public static final long PERIOD_NANOS = 1_000_000L;

    private final Board board;
    private final Clock clock;
    private final DigitalInput button;
    private final AnalogInput sonar;
    private final DigitalOutput led;
    private final PwmOutput motor;
    private long tick;
    private long presses;
    private long failures;
    private boolean invertLedAtTick7;

    public EchoFirmware(Board board) throws HalException {
        this.board = board;
        this.clock = board.clock();
        this.button = board.digitalInput("button");
        this.sonar = board.analogInput("sonar0");
        this.led = board.digitalOutput("led");
        this.motor = board.pwmOutput("motor");
    }

    /** Makes this firmware differ from the reference at tick 7, where it lights the LED the wrong way round. */
    public EchoFirmware withBugAtTick7() {
        invertLedAtTick7 = true;
        return this;
    }

    /** Runs one tick, then waits for the next period on the board's pacer. */
    public void tick() throws HalException {
        board.beginTick(tick);
        long start = clock.nanos();
        try {
            boolean pressed = button.isHigh();
            presses += button.pollRisingEdges();
            int counts = sonar.read();
            led.set(pressed != (invertLedAtTick7 && tick == 7));
            motor.setDuty((int) ((long) counts * motor.maxDuty() / sonar.maxValue()));
        } catch (HalException e) {
            failures++;
        }
        tick++;
        board.pacer().sleepUntil(start + PERIOD_NANOS);
    }

    /** Rising edges of the button seen so far. */
    public long presses() {
        return presses;
    }

    /** Ticks whose reads or writes failed. */
    public long failures() {
        return failures;
    }
}
