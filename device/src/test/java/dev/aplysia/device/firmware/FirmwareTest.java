package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotStore;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.Clock;
import dev.aplysia.hal.time.Pacer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirmwareTest {

    private static final int SAMPLE = RobotWiring.TICKS_PER_SAMPLE;

    private static SimBoard taughtForward() throws HalException {
        SimBoard board = SimBoard.of(RobotBench.board());
        for (int s = 0; s < 8; s++) {
            board.analogInput("sonar" + s).drive(200 + 90 * s);
        }
        board.digitalInput(RobotWiring.teacher(0)).drive(true);
        return board;
    }

    @Test
    void eachTaughtSampleIsClassifiedThenLearned() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);

        new FirmwareRunner(firmware).run(5L * SAMPLE);

        assertEquals(5, firmware.counters().samples());
        assertEquals(5, firmware.counters().decisions());
        assertEquals(5, firmware.counters().learned());
        assertEquals(800, board.pwmOutput("motor-left").duty(), "forward once taught");
    }

    @Test
    void withoutTeachingNothingIsLearned() throws HalException {
        SimBoard board = taughtForward();
        board.digitalInput(RobotWiring.teacher(0)).drive(false);
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);

        new FirmwareRunner(firmware).run(3L * SAMPLE);

        assertEquals(3, firmware.counters().decisions());
        assertEquals(0, firmware.counters().learned());
    }

    @Test
    void aPressOfTheSignificanceButtonMakesTheSampleSignificant() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        FirmwareRunner runner = new FirmwareRunner(firmware);
        runner.run(SAMPLE);

        board.digitalInput(RobotWiring.SIGNIFICANCE).drive(true);
        board.digitalInput(RobotWiring.SIGNIFICANCE).drive(false);
        runner.run(2L * SAMPLE);

        assertEquals(3, firmware.counters().learned());
        assertEquals(1, firmware.counters().significant());
    }

    @Test
    void aZeroModulatorSignalLetsTheNextTaughtSamplePassWithoutLearning() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        firmware.signalModulator(0);

        new FirmwareRunner(firmware).run(2L * SAMPLE);

        assertEquals(2, firmware.counters().decisions());
        assertEquals(1, firmware.counters().learned(), "only the second sample was learned");
    }

    @Test
    void aFailedSensorReadSkipsThatSampleAndTheLoopGoesOn() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        board.faults().failNext("sonar3", 1, ErrorKind.IO);

        new FirmwareRunner(firmware).run(3L * SAMPLE);

        assertEquals(1, firmware.counters().halErrors());
        assertEquals(3, firmware.counters().samples());
        assertEquals(2, firmware.counters().decisions());
    }

    @Test
    void aHaltedFirmwareSensesDrivesAndLearnsNothingUntilResumed() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        FirmwareRunner runner = new FirmwareRunner(firmware);
        runner.run(3L * SAMPLE);

        firmware.halt(HaltCause.COMMAND);
        runner.run(5L * SAMPLE);

        assertEquals(3, firmware.counters().samples());
        assertEquals(3, firmware.counters().learned());
        assertEquals(0, board.pwmOutput("motor-left").duty());
        assertEquals(HaltCause.COMMAND, firmware.halted());

        firmware.resume();
        runner.run(2L * SAMPLE);

        assertEquals(5, firmware.counters().learned());
        assertEquals(800, board.pwmOutput("motor-left").duty());
        assertTrue(firmware.learning(), "learning goes on as before the halt");
    }

    @Test
    void theBoardFilesSafeValuesAreWhatAHaltWrites() throws HalException {
        String text = RobotBench.text("robot.board").replaceFirst("(motor-right .*)safe=0", "$1safe=100")
                .replaceFirst("(led-sharp-right +pin=4)", "$1 safe=1");
        FirmwareConfig config = RobotWiring.config(dev.aplysia.hal.BoardConfig.parse("robot.board", text),
                McuProfile.RP2040, "bench", 1);
        SimBoard board = SimBoard.of(dev.aplysia.hal.BoardConfig.parse("robot.board", text));
        Firmware firmware = new Firmware(config, board, FirmwareEvents.NONE);

        firmware.halt(HaltCause.COMMAND);

        assertEquals(0, board.pwmOutput("motor-left").duty());
        assertEquals(100, board.pwmOutput("motor-right").duty());
        assertTrue(board.digitalOutput("led-sharp-right").level());
    }

    @Test
    void aMissingChannelFailsAtStartNamingIt() throws HalException {
        SimBoard bare = SimBoard.builder().analogInput("sonar0", 1023).build();

        HalException e = assertThrows(HalException.class,
                () -> new Firmware(RobotBench.config(McuProfile.RP2040), bare, FirmwareEvents.NONE));

        assertEquals(ErrorKind.INVALID_CHANNEL, e.kind());
        assertTrue(e.getMessage().contains("sonar1"), e.getMessage());
    }

    @Test
    void checkpointsAreSavedOnScheduleAndBootResumesFromTheNewest() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        new FirmwareRunner(firmware).run(RobotWiring.CHECKPOINT_TICKS + SAMPLE);
        long savedAt = firmware.network().tick();

        Firmware rebooted = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);
        SnapshotStore.Boot boot = rebooted.boot();

        assertEquals(1, firmware.counters().checkpoints());
        assertEquals(Optional.of(SnapshotStore.SLOTS.get(0)), boot.loaded());
        assertTrue(boot.tick() > 0 && boot.tick() <= savedAt, "booted tick " + boot.tick());
        assertEquals(boot.tick(), rebooted.network().tick());
    }

    @Test
    void workThatOutlastsItsTickOnTheBoardClockIsADeadlineMiss() throws HalException {
        SlowClockBoard board = new SlowClockBoard(taughtForward(), RobotWiring.TICK_NANOS * 2);
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.RP2040), board, FirmwareEvents.NONE);

        new FirmwareRunner(firmware).run(10);

        assertEquals(10, firmware.counters().deadlineMisses());
    }

    @Test
    void ticksTooBigForTheMcuCycleBudgetOverrunAndMissTheirDeadlineOnTheVirtualClock() throws HalException {
        McuProfile slow = new McuProfile("slow", "a 100 kHz core", 264 * 1024, 40 * 1024, 100_000,
                McuProfile.RP2040.costs());
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(slow), board, FirmwareEvents.NONE);

        new FirmwareRunner(firmware).run(SAMPLE);

        long busy = firmware.operations().ticks();
        assertTrue(busy > 0);
        assertEquals(busy, firmware.counters().mcuOverruns(), "every tick that ran the core overran");
        assertTrue(firmware.counters().deadlineMisses() >= busy,
                "the virtual clock was charged each tick's MCU time, so each overrun missed its deadline: "
                        + firmware.counters().deadlineMisses() + " misses, " + busy + " overruns");
        assertTrue(board.clock().nanos() > SAMPLE * RobotWiring.TICK_NANOS, "the run took longer than its ticks");
        assertTrue(firmware.counters().utilisation().peak() > 1, firmware.counters().utilisation().describe());
    }

    @Test
    void ticksWithinTheMcuBudgetKeepTimeAndReportTheirUtilisation() throws HalException {
        SimBoard board = taughtForward();
        Firmware firmware = new Firmware(RobotBench.config(McuProfile.PI_NATIVE), board, FirmwareEvents.NONE);

        new FirmwareRunner(firmware).run(SAMPLE);

        TickUtilisation utilisation = firmware.counters().utilisation();
        assertEquals(SAMPLE, utilisation.ticks());
        assertEquals(0, firmware.counters().mcuOverruns(), utilisation.describe());
        assertEquals(0, firmware.counters().deadlineMisses(), utilisation.describe());
        assertTrue(utilisation.peak() > 0 && utilisation.peak() <= 1, utilisation.describe());
        assertTrue(utilisation.p99() <= utilisation.peak(), utilisation.describe());
        assertEquals(SAMPLE * RobotWiring.TICK_NANOS, board.clock().nanos(), "the clock ends on the last deadline");
    }

    /** A board whose clock moves on by {@code step} nanoseconds each time it is read: work that takes time. */
    private static final class SlowClockBoard implements Board {
        private final SimBoard inner;
        private final long step;
        private long now;

        SlowClockBoard(SimBoard inner, long step) {
            this.inner = inner;
            this.step = step;
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
        public AnalogInput analogInput(String name) throws HalException {
            return inner.analogInput(name);
        }

        @Override
        public Clock clock() {
            return () -> now += step;
        }

        @Override
        public Pacer pacer() {
            return deadline -> now = Math.max(now, deadline);
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
