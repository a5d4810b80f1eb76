package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.command.Ack;
import dev.aplysia.device.command.CommandCatalog;
import dev.aplysia.device.command.CommandProcessor;
import dev.aplysia.device.command.RateLimit;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.persist.SnapshotStore;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirmwareCommandsTest {

    private static final int READOUT_WEIGHTS = RobotWiring.FEATURES * RobotWiring.COMMANDS.size();

    private final VirtualClock wall = VirtualClock.unpaced();
    private SimBoard board;
    private FirmwareConfig config;
    private Firmware firmware;
    private CommandProcessor commands;
    private FirmwareCommands apply;

    @BeforeEach
    void boot() throws Exception {
        BoardConfig wiring = BoardConfig.load(Path.of("..", "examples", "robot.board"));
        config = RobotWiring.config(wiring, McuProfile.RP2040, "bench", 1);
        board = SimBoard.of(wiring);
        firmware = new Firmware(config, board, FirmwareEvents.NONE);
        obey(new CommandAccess(EnumSet.allOf(CommandAccess.Group.class), new RateLimit(1000, wall)));
    }

    private CommandAccess obey(CommandAccess access) {
        commands = new CommandProcessor(FirmwareCommands.specs(config.classifier(), access), 8);
        apply = new FirmwareCommands(commands, firmware);
        return access;
    }

    private CommandAccess obeyTheDefault() {
        return obey(new CommandAccess(CommandAccess.DEFAULT, new RateLimit(20, wall)));
    }

    /** The whole readout in {@value CommandCatalog#MAX_WEIGHTS_PER_COMMAND}-weight chunks: 13 commands. */
    private List<Ack> loadTheWholeReadout(double weight) {
        List<Ack> acks = new ArrayList<>();
        for (int offset = 0; offset < READOUT_WEIGHTS; offset += CommandCatalog.MAX_WEIGHTS_PER_COMMAND) {
            int count = Math.min(CommandCatalog.MAX_WEIGHTS_PER_COMMAND, READOUT_WEIGHTS - offset);
            String weights = String.join(",", Collections.nCopies(count, Double.toString(weight)));
            acks.add(send("load-weights", "{\"projection\":\"features-output\",\"offset\":" + offset
                    + ",\"weights\":[" + weights + "]}"));
        }
        return acks;
    }

    private int[] readout() {
        var projection = firmware.network().projection(FirmwareCommands.READOUT);
        int[] weights = new int[READOUT_WEIGHTS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = projection.weight(i / RobotWiring.COMMANDS.size(), i % RobotWiring.COMMANDS.size());
        }
        return weights;
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
        assertTrue(board.storage().read(SnapshotStore.SLOTS.get(0)).isPresent());
    }

    @Test
    void resetIsRefusedWithTheWayToStartOver() {
        Ack ack = send("reset", "{}");

        assertTrue(ack.error().contains("--new-network"), ack.error());
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
    void byDefaultThirteenLoadWeightsAreRefusedNamingTheOptionAndTheReadoutIsUnchanged() {
        CommandAccess access = obeyTheDefault();
        int[] before = readout();

        List<Ack> acks = loadTheWholeReadout(0.25);

        assertEquals(13, acks.size());
        for (Ack ack : acks) {
            assertEquals("command 'load-weights' changes the learned state and is off on this device; start it with"
                    + " --allow-commands operation,state to obey it", ack.error());
        }
        assertArrayEquals(before, readout());
        assertEquals(13, access.refusedOff());
        assertEquals(13, commands.refused());
    }

    @Test
    void byDefaultSnapshotResetAndTheModulatorAreRefusedAndNothingIsStored() throws Exception {
        obeyTheDefault();

        assertTrue(send("snapshot", "{}").error().contains("--allow-commands operation,storage"));
        assertTrue(send("reset", "{}").error().contains("--allow-commands operation,state"));
        assertTrue(send("set", "{\"name\":\"modulator\",\"value\":3}").error()
                .startsWith("command 'set modulator' changes the learned state"));
        for (String slot : SnapshotStore.SLOTS) {
            assertTrue(board.storage().read(slot).isEmpty(), slot);
        }
    }

    @Test
    void byDefaultLearningOnAndOffHaltAndResumeAreObeyed() {
        obeyTheDefault();

        for (String[] command : new String[][] {{"stop", "{}"}, {"start", "{\"experiment\":\"x\"}"},
                {"set", "{\"name\":\"learning\",\"value\":0}"}, {"halt", "{}"}, {"resume", "{}"}}) {
            assertNull(send(command[0], command[1]).error(), command[0]);
        }
    }

    @Test
    void withNoGroupEnabledHaltIsStillObeyed() {
        obey(new CommandAccess(CommandAccess.parse("none"), new RateLimit(20, wall)));

        assertTrue(send("stop", "{}").error().contains("--allow-commands operation"));
        assertNull(send("halt", "{}").error());
        assertTrue(send("resume", "{}").error().contains("is off on this device"));
        assertEquals(HaltCause.COMMAND, firmware.halted());
    }

    @Test
    void enabledStateAndStorageCommandsAreRateLimitedSayingWhenToRetry() {
        CommandAccess access = obey(new CommandAccess(CommandAccess.parse("operation,state,storage"),
                new RateLimit(14, wall)));

        assertTrue(loadTheWholeReadout(0.25).stream().allMatch(ack -> ack.error() == null));
        assertNull(send("snapshot", "{}").error());
        assertEquals("rate limit: at most 14 state and storage commands a minute (--command-rate); retry in 4.3 s",
                send("snapshot", "{}").error());
        assertNull(send("stop", "{}").error(), "operational commands are not limited");
        wall.advance(60_000_000_000L / 14);

        assertNull(send("snapshot", "{}").error());
        assertEquals(1, access.refusedOverRate());
        assertEquals(1 << 12, firmware.network().projection(FirmwareCommands.READOUT).weight(799, 3));
    }

    @Test
    void anUnknownGroupIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandAccess.parse("state,stroage"));

        assertEquals("unknown command group 'stroage'; groups: operation, state, storage (comma-separated), or none",
                e.getMessage());
    }

    @Test
    void theModulatorSetForTheNextSampleIsBounded() {
        assertNull(send("set", "{\"name\":\"modulator\",\"value\":2.5}").error());
        assertTrue(send("set", "{\"name\":\"modulator\",\"value\":9}").error().contains("modulator"));
    }
}
