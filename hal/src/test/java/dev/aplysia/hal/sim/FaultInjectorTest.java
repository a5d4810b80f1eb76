package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.storage.FileStorage;
import dev.aplysia.hal.storage.Storage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectorTest {

    private static final byte[] OLD_SNAPSHOT = "old snapshot".getBytes();
    private static final byte[] NEW_SNAPSHOT = "the new snapshot, longer".getBytes();

    private final SimBoard board = SimBoard.of(TestBoards.config());

    @Test
    void theNextOperationFailsWithThePlannedKindThenTheChannelRecovers() throws Exception {
        SimAnalogInput sonar = board.analogInput("sonar0");
        sonar.drive(300);
        board.faults().failNext("sonar0", 1, ErrorKind.TIMEOUT);
        HalException e = assertThrows(HalException.class, sonar::read);
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertEquals(300, sonar.read());
    }

    @Test
    void exactlyTheNextNOperationsFail() throws Exception {
        SimPwmOutput motor = board.pwmOutput("motor");
        board.faults().failNext("motor", 2, ErrorKind.IO);
        assertThrows(HalException.class, () -> motor.setDuty(10));
        assertThrows(HalException.class, () -> motor.setDuty(20));
        motor.setDuty(30);
        assertEquals(30, motor.duty());
    }

    @Test
    void aFailedWriteHasNoEffect() throws Exception {
        SimDigitalOutput led = board.digitalOutput("led");
        board.faults().failNext("led", 1, ErrorKind.IO);
        assertThrows(HalException.class, led::setHigh);
        assertFalse(led.level());
        assertEquals(0, led.history().size());
    }

    @Test
    void faultsStayOnTheirChannel() throws Exception {
        board.faults().failNext("led", 1, ErrorKind.IO);
        board.digitalInput("button").isHigh();
        assertThrows(HalException.class, () -> board.digitalOutput("led").setLow());
    }

    @Test
    void storageFailsByName() throws Exception {
        Storage storage = board.storage();
        board.faults().failNext("storage", 1, ErrorKind.STORAGE_FULL);
        HalException e = assertThrows(HalException.class, () -> storage.write("snapshot", OLD_SNAPSHOT));
        assertEquals(ErrorKind.STORAGE_FULL, e.kind());
        assertTrue(storage.read("snapshot").isEmpty());
        storage.write("snapshot", OLD_SNAPSHOT);
        assertArrayEquals(OLD_SNAPSHOT, storage.read("snapshot").orElseThrow());
    }

    @Test
    void anUnknownChannelIsAnInvalidChannel() {
        HalException e = assertThrows(HalException.class, () -> board.faults().failNext("lde", 1, ErrorKind.IO));
        assertEquals(ErrorKind.INVALID_CHANNEL, e.kind());
    }

    @Test
    void clearCancelsPendingFaultsAndCuts() throws Exception {
        board.faults().failNext("led", 3, ErrorKind.IO);
        board.faults().cutNextWrite(2);
        board.faults().clear();
        board.digitalOutput("led").setHigh();
        board.storage().write("snapshot", OLD_SNAPSHOT);
        assertArrayEquals(OLD_SNAPSHOT, board.storage().read("snapshot").orElseThrow());
    }

    @Test
    void aPowerCutLeavesTheBlobTruncatedAndTheWriteFails() throws Exception {
        board.faults().cutNextWrite(5);
        HalException e = assertThrows(HalException.class, () -> board.storage().write("snapshot", NEW_SNAPSHOT));
        assertEquals(ErrorKind.IO, e.kind());
        assertArrayEquals(Arrays.copyOf(NEW_SNAPSHOT, 5), board.storage().read("snapshot").orElseThrow());
    }

    @Test
    void tempThenRenameSurvivesAPowerCutAtEveryByteOffset() throws Exception {
        for (int cut = 0; cut <= NEW_SNAPSHOT.length; cut++) {
            SimBoard fresh = SimBoard.builder().build();
            assertSurvivesCut(fresh, cut);
        }
    }

    @Test
    void tempThenRenameOverFilesSurvivesAPowerCutAtEveryByteOffset(@TempDir Path directory) throws Exception {
        for (int cut = 0; cut <= NEW_SNAPSHOT.length; cut++) {
            SimBoard fresh = SimBoard.builder().storage(new FileStorage(directory.resolve("cut" + cut))).build();
            assertSurvivesCut(fresh, cut);
        }
    }

    @Test
    void storageFaultsAndCutsReachTheBoardsFolders() throws Exception {
        Storage archive = board.storage().folder("archive");
        board.faults().failNext(FaultInjector.STORAGE, 1, ErrorKind.STORAGE_FULL);
        HalException e = assertThrows(HalException.class, () -> archive.write("snapshot", OLD_SNAPSHOT));
        board.faults().cutNextWrite(3);
        assertThrows(HalException.class, () -> archive.write("snapshot", NEW_SNAPSHOT));

        assertEquals(ErrorKind.STORAGE_FULL, e.kind());
        assertArrayEquals(Arrays.copyOf(NEW_SNAPSHOT, 3), archive.read("snapshot").orElseThrow());
    }

    private static void assertSurvivesCut(SimBoard board, int cut) throws HalException {
        Storage storage = board.storage();
        storage.write("snapshot", OLD_SNAPSHOT);
        board.faults().cutNextWrite(cut);
        assertThrows(HalException.class, () -> {
            storage.write("snapshot.tmp", NEW_SNAPSHOT);
            storage.rename("snapshot.tmp", "snapshot");
        });
        assertArrayEquals(OLD_SNAPSHOT, storage.read("snapshot").orElseThrow(), "cut at " + cut);
        assertArrayEquals(Arrays.copyOf(NEW_SNAPSHOT, cut), storage.read("snapshot.tmp").orElseThrow(),
                "cut at " + cut);
    }
}
