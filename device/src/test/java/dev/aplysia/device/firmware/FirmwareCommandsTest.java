package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.command.Ack;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotStore;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.sim.SimBoard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirmwareCommandsTest {

    private SimBoard board;
    private Firmware firmware;
    private CommandProcessor commands;
    private FirmwareCommands apply;

    @BeforeEach
    void boot() throws Exception {
        BoardConfig wiring = BoardConfig.load(Path.of("..", "examples", "robot.board"));
        FirmwareConfig config = RobotWiring.config(wiring, McuProfile.RP2040, "bench", 1);
        board = SimBoard.of(wiring);
        firmware = new Firmware(config, board, FirmwareEvents.NONE);
        commands = new CommandProcessor(FirmwareCommands.catalog(config.classifier()).specs(), 8);
        apply = new FirmwareCommands(commands, firmware);
    }

    private Ack send(String command, String json) {
        commands.accept(command, json.getBytes(StandardCharsets.UTF_8));
        apply.run();
        return commands.nextAck();
    }

    @Test
    void stopTurnsLearningOffAndStartTurnsItBackOn() {
        assertNull(send("stop", "{}").error());
        assertFalse(firmware.learning());
        assertNull(send("start", "{\"experiment\":\"drive\"}").error());
        assertTrue(firmware.learning());
    }

    @Test
    void readoutWeightsLearnedElsewhereAreLoaded() {
        Ack ack = send("load-weights", "{\"projection\":\"features-output\",\"offset\":4,\"weights\":[0.5,0.25]}");

        assertNull(ack.error());
        var readout = firmware.network().projection("features-output");
        assertEquals(1 << 13, readout.weight(1, 0), "index 4 is feature 1, class 0 (4 classes per feature)");
        assertEquals(1 << 12, readout.weight(1, 1));
    }

    @Test
    void anOutOfRangeWeightIsRefusedAndNothingIsWritten() {
        Ack ack = send("load-weights", "{\"projection\":\"features-output\",\"offset\":0,\"weights\":[0.5,7]}");

        assertTrue(ack.error() != null && ack.error().contains("7"), String.valueOf(ack.error()));
        assertEquals(0, firmware.network().projection("features-output").weight(0, 0));
    }

    @Test
    void aSnapshotCommandSavesOneNow() throws Exception {
        Ack ack = send("snapshot", "{}");

        assertNull(ack.error());
        assertTrue(board.storage().read(SnapshotStore.CURRENT).isPresent());
    }

    @Test
    void resetIsRefusedWithTheWayToStartOver() {
        Ack ack = send("reset", "{}");

        assertTrue(ack.error().contains("delete its snapshots"), ack.error());
    }

    @Test
    void haltDrivesEveryOutputToItsSafeValueAndResumeLetsTheFirmwareDriveAgain() throws Exception {
        board.pwmOutput("motor-left").setDuty(800);
        board.digitalOutput("led-forward").setHigh();

        assertNull(send("halt", "{}").error());
        assertEquals(0, board.pwmOutput("motor-left").duty());
        assertFalse(board.digitalOutput("led-forward").level());
        assertEquals(HaltCause.COMMAND, firmware.halted());

        assertNull(send("resume", "{}").error());
        assertNull(firmware.halted());
    }

    @Test
    void theModulatorSetForTheNextSampleIsBounded() {
        assertNull(send("set", "{\"name\":\"modulator\",\"value\":2.5}").error());
        assertTrue(send("set", "{\"name\":\"modulator\",\"value\":9}").error().contains("modulator"));
    }
}
