package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A tick loop's reads, polls, unchanged writes, clock reads and waits on the simulated board allocate nothing. The JVM
 * itself may allocate a few hundred bytes once (compilation, deoptimisation); any allocation per tick would cost at
 * least 16 bytes a tick, so the bound is under one byte per tick.
 */
class SimBoardAllocationTest {

    private static final int OPERATIONS = 20_000;

    private final SimBoard board = SimBoard.of(TestBoards.config());
    private DigitalInput button;
    private AnalogInput sonar;
    private DigitalOutput led;
    private PwmOutput motor;
    private Clock clock;
    private Pacer pacer;
    private long sink;

    @Test
    void theHotPathsAllocateNothing() throws Exception {
        button = board.digitalInput("button");
        sonar = board.analogInput("sonar0");
        led = board.digitalOutput("led");
        motor = board.pwmOutput("motor");
        clock = board.clock();
        pacer = board.pacer();
        run();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        run();
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < OPERATIONS, allocated + " bytes allocated by " + OPERATIONS + " simulated ticks");
    }

    private void run() throws HalException {
        for (int i = 0; i < OPERATIONS; i++) {
            board.beginTick(i);
            sink += button.isHigh() ? 1 : 0;
            sink += button.pollRisingEdges() + button.pollFallingEdges();
            sink += sonar.read();
            led.setHigh();
            motor.setDuty(500);
            pacer.sleepUntil(clock.nanos() + 1_000);
        }
    }
}
