package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.firmware.Firmware;
import dev.aplysia.device.firmware.FirmwareEvents;
import dev.aplysia.device.firmware.FirmwareRunner;
import dev.aplysia.device.firmware.HaltCause;
import dev.aplysia.device.firmware.RobotWiring;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.sim.SimBoard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OutputSafetyTest {

    private final StringWriter err = new StringWriter();
    private final SimBoard board;
    private final Firmware firmware;
    private final FirmwareRunner runner;

    OutputSafetyTest() throws HalException {
        BoardConfig wiring = BoardConfig.load(Path.of("..", "examples", "robot.board"));
        board = SimBoard.of(wiring);
        firmware = new Firmware(RobotWiring.config(wiring, McuProfile.RP2040, "bench", 1), board,
                FirmwareEvents.NONE);
        runner = new FirmwareRunner(firmware);
        runner.run(2L * RobotWiring.TICKS_PER_SAMPLE);
    }

    @Test
    void whenTheTickThreadNeverMakesTheOutputsSafeTheShutdownHookDoesWithinItsPatience() throws HalException {
        assertTrue(board.pwmOutput("motor-left").duty() > 0, "driving before the shutdown");
        CountDownLatch neverCountedDown = new CountDownLatch(1);

        OutputSafety.stopSafely(runner, firmware.outputs(), neverCountedDown, 10_000_000L, new PrintWriter(err, true));

        assertEquals(0, board.pwmOutput("motor-left").duty());
        assertEquals(0, board.pwmOutput("motor-right").duty());
        assertEquals(HaltCause.SHUTDOWN, firmware.halted());
        assertTrue(err.toString().contains("the tick loop did not stop; outputs halted"), err.toString());
    }

    @Test
    void whenTheTickThreadMadeTheOutputsSafeTheHookWritesNothing() throws HalException {
        CountDownLatch done = new CountDownLatch(0);

        OutputSafety.stopSafely(runner, firmware.outputs(), done, 10_000_000L, new PrintWriter(err, true));

        assertTrue(board.pwmOutput("motor-left").duty() > 0);
        assertNull(firmware.halted());
        assertEquals("", err.toString());
    }
}
