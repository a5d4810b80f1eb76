package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import dev.aplysia.hal.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickWatchdogTest {

    private static final long MS = 1_000_000L;
    private static final long SAMPLE = RobotWiring.TICKS_PER_SAMPLE;

    private final SimBoard sim = SimBoard.of(RobotBench.board());
    private final StallingBoard board = new StallingBoard(sim);
    private final List<HaltCause> halts = new ArrayList<>();
    private final Firmware firmware;
    private final FirmwareRunner runner;
    private final VirtualClock wall = VirtualClock.unpaced();
    private Thread tickThread;

    TickWatchdogTest() throws HalException {
        for (int s = 0; s < 8; s++) {
            sim.analogInput("sonar" + s).drive(900);
        }
        firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, new FirmwareEvents() {
            @Override
            public void halted(long tick, HaltCause cause) {
                halts.add(cause);
            }
        });
        runner = new FirmwareRunner(firmware);
        runner.run(2 * SAMPLE);
    }

    /** Runs the loop on its own thread until it is stuck in a sensor read. */
    private void stallInASensorRead() throws InterruptedException {
        board.stall();
        tickThread = new Thread(() -> runner.run(3 * SAMPLE), "tick");
        tickThread.start();
        assertTrue(board.blocked.await(10, TimeUnit.SECONDS), "the loop is stuck reading sonar0");
    }

    @AfterEach
    void unstick() throws InterruptedException {
        board.release.countDown();
        if (tickThread != null) {
            tickThread.join();
        }
    }

    private boolean driving() throws HalException {
        return sim.pwmOutput("motor-left").duty() > 0 && sim.pwmOutput("motor-right").duty() > 0;
    }

    @Test
    void aLoopStuckInASensorReadIsHaltedWithinTheWatchdogTime() throws Exception {
        assertTrue(driving());
        List<Long> silences = new ArrayList<>();
        TickWatchdog watchdog = new TickWatchdog(runner, firmware.outputs(), 500 * MS, wall,
                (silent, failure) -> silences.add(silent));
        stallInASensorRead();

        boolean haltedEarly = false;
        for (long t = 0; t <= 500 * MS; t += 100 * MS) {
            wall.advanceTo(t);
            haltedEarly |= watchdog.look() && t < 300 * MS;
        }

        assertFalse(haltedEarly, "not halted before 3/5 of the limit");
        assertFalse(driving());
        assertEquals(0, sim.pwmOutput("motor-left").duty());
        assertFalse(sim.digitalOutput("led-forward").level() || sim.digitalOutput("led-slight-left").level());
        assertEquals(List.of(300 * MS), silences);
        assertEquals(1, watchdog.stalls());
    }

    @Test
    void theOutputsStayHaltedWhenTheLoopRecoversUntilResumeAndTheHaltIsReportedOnTheTickThread() throws Exception {
        TickWatchdog watchdog = new TickWatchdog(runner, firmware.outputs(), 500 * MS, wall, (silent, failure) -> {
        });
        stallInASensorRead();
        for (long t = 0; t <= 500 * MS; t += 100 * MS) {
            wall.advanceTo(t);
            watchdog.look();
        }

        board.release.countDown();
        tickThread.join();

        assertFalse(driving(), "three more sample periods ran; the outputs stayed safe");
        assertEquals(List.of(HaltCause.STALL), halts);
        assertEquals(1, firmware.counters().halts());
        firmware.resume();
        runner.run(2 * SAMPLE);
        assertTrue(driving());
        assertNull(firmware.halted());
    }

    @Test
    void aLoopThatKeepsTickingIsNeverHalted() throws HalException {
        TickWatchdog watchdog = new TickWatchdog(runner, firmware.outputs(), 500 * MS, wall, (silent, failure) -> {
        });

        for (int look = 1; look <= 50; look++) {
            runner.run(1);
            wall.advanceTo(look * 250 * MS);
            assertFalse(watchdog.look());
        }

        assertTrue(driving());
        assertEquals(0, watchdog.stalls());
    }

    @Test
    void theWatchdogThreadHaltsAStuckLoopOnItsOwn() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        stallInASensorRead();
        try (TickWatchdog watchdog = new TickWatchdog(runner, firmware.outputs(), 50 * MS, SystemClock.INSTANCE,
                (silent, failure) -> stalled.countDown())) {
            watchdog.start();

            assertTrue(stalled.await(10, TimeUnit.SECONDS), "the watchdog thread noticed");
        }

        assertFalse(driving());
        assertEquals(HaltCause.STALL, firmware.halted());
    }

    /** The simulated board, except that once {@link #stall() stalled}, reading {@code sonar0} blocks until released. */
    private static final class StallingBoard implements Board {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final SimBoard inner;
        private volatile boolean stalling;

        StallingBoard(SimBoard inner) {
            this.inner = inner;
        }

        void stall() {
            stalling = true;
        }

        @Override
        public AnalogInput analogInput(String name) throws HalException {
            AnalogInput input = inner.analogInput(name);
            if (!name.equals("sonar0")) {
                return input;
            }
            return new AnalogInput() {
                @Override
                public int read() throws HalException {
                    if (stalling) {
                        blocked.countDown();
                        awaitRelease();
                    }
                    return input.read();
                }

                @Override
                public int maxValue() {
                    return input.maxValue();
                }
            };
        }

        private void awaitRelease() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public DigitalInput digitalInput(String name) throws HalException {
            return inner.digitalInput(name);
        }

        @Override
        public DigitalOutput digitalOutput(String name) throws HalException {
            return inner.digitalOutput(name);
        }

        @Override
        public PwmOutput pwmOutput(String name) throws HalException {
            return inner.pwmOutput(name);
        }

        @Override
        public Clock clock() {
            return inner.clock();
        }

        @Override
        public Pacer pacer() {
            return inner.pacer();
        }

        @Override
        public Storage storage() {
            return inner.storage();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
