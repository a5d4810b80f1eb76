package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimBoard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SafeOutputsTest {

    private final SimBoard board;
    private final FirmwareConfig config;

    SafeOutputsTest() throws HalException {
        board = SimBoard.of(RobotBench.board());
        config = RobotBench.config(McuProfile.RP2040);
    }

    private DigitalOutput[] leds() throws HalException {
        DigitalOutput[] leds = new DigitalOutput[4];
        for (int k = 0; k < leds.length; k++) {
            leds[k] = board.digitalOutput(RobotWiring.led(k));
        }
        return leds;
    }

    @Test
    void whileHaltedADecisionWritesNothing() throws HalException {
        SafeOutputs outputs = new SafeOutputs(config, new PwmOutput[] {board.pwmOutput("motor-left"),
                board.pwmOutput("motor-right")}, leds());

        assertTrue(outputs.halt(HaltCause.COMMAND));
        assertFalse(outputs.drive(0));

        assertEquals(0, board.pwmOutput("motor-left").duty());
        assertFalse(board.digitalOutput("led-forward").level());
    }

    @Test
    void aHaltKeepsTheFirstCause() throws HalException {
        SafeOutputs outputs = new SafeOutputs(config, new PwmOutput[] {board.pwmOutput("motor-left"),
                board.pwmOutput("motor-right")}, leds());

        outputs.halt(HaltCause.STALL);

        assertFalse(outputs.halt(HaltCause.SHUTDOWN));
        assertEquals(HaltCause.STALL, outputs.halted());
    }

    @Test
    void aHaltFromAnotherThreadMakesTheOutputsSafeEvenWhileTheTickThreadIsStuckInsideAWrite() throws Exception {
        StuckMotor left = new StuckMotor();
        SafeOutputs outputs = new SafeOutputs(config, new PwmOutput[] {left, board.pwmOutput("motor-right")},
                leds());
        Thread tick = new Thread(() -> {
            try {
                outputs.drive(0);
            } catch (HalException e) {
                throw new AssertionError(e);
            }
        }, "tick");
        tick.start();
        assertTrue(left.entered.await(10, TimeUnit.SECONDS), "the tick thread is inside the left motor's write");

        outputs.halt(HaltCause.STALL);

        assertEquals(0, left.duty, "written while the tick thread still holds the outputs");
        assertEquals(0, board.pwmOutput("motor-right").duty());
        left.release.countDown();
        tick.join();
        assertEquals(0, left.duty, "the stuck write finished late; drive wrote the safe value again after it");
        assertEquals(0, board.pwmOutput("motor-right").history().size(), "never driven after the halt");
        assertFalse(board.digitalOutput("led-forward").level());
    }

    /** A motor whose first non-zero write blocks until released: a driver that hangs in the kernel. */
    private static final class StuckMotor implements PwmOutput {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int duty;

        @Override
        public int maxDuty() {
            return 1000;
        }

        @Override
        public void setDuty(int counts) {
            if (counts != 0 && entered.getCount() > 0) {
                entered.countDown();
                awaitRelease();
            }
            duty = counts;
        }

        private void awaitRelease() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
