package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ChannelKind;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.time.SystemClock;
import dev.aplysia.hal.time.WallClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimBoardTest {

    private final SimBoard board = SimBoard.of(TestBoards.config());

    @Test
    void theWallClockIsTheHostsNotTheVirtualClock() {
        assertSame(SystemClock.INSTANCE, board.wallClock());
    }

    @Test
    void aWallClockGivenToTheBuilderStampsTheBoard() {
        WallClock fixed = () -> 1_700_000_000_000L;

        assertEquals(1_700_000_000_000L, SimBoard.builder().wallClock(fixed).build().wallClock().epochMillis());
    }

    @Test
    void hasEveryChannelTheConfigDeclares() throws Exception {
        assertEquals(List.of("button", "led", "motor", "sonar0", "sonar1"), board.channelNames());
        assertEquals(1000, board.pwmOutput("motor").maxDuty());
        assertEquals(1023, board.analogInput("sonar1").maxValue());
        assertEquals(Optional.of(ChannelKind.DIGITAL_OUTPUT), board.kindOf("led"));
    }

    @Test
    void anUnknownNameIsAnInvalidChannelListingTheKnownOnes() {
        HalException e = assertThrows(HalException.class, () -> board.digitalInput("buton"));
        assertEquals(ErrorKind.INVALID_CHANNEL, e.kind());
        assertEquals("no digital input named 'buton'; known digital inputs: [button]", e.getMessage());
    }

    @Test
    void aNameOfAnotherKindIsAnInvalidChannel() {
        HalException e = assertThrows(HalException.class, () -> board.pwmOutput("led"));
        assertEquals(ErrorKind.INVALID_CHANNEL, e.kind());
    }

    @Test
    void aLookupReturnsTheSameChannelEachTime() throws Exception {
        assertSame(board.digitalOutput("led"), board.digitalOutput("led"));
    }

    @Test
    void anOutputConfiguredHighStartsHigh() throws Exception {
        SimBoard lit = SimBoard.builder().digitalOutput("led", true).build();
        assertTrue(lit.digitalOutput("led").isSetHigh());
    }

    @Test
    void theClockIsAlsoThePacer() {
        assertSame(board.clock(), board.pacer());
    }

    @Test
    void beginTickSetsTheCurrentTick() {
        board.beginTick(42);
        assertEquals(42, board.tick());
    }

    @Test
    void theStorageFaultChannelNameIsReservedForChannels() {
        assertTrue(BoardConfig.RESERVED_NAMES.contains(FaultInjector.STORAGE));
    }

    @Test
    void duplicateAndReservedNamesAreRejectedWhenBuilding() {
        assertThrows(IllegalArgumentException.class,
                () -> SimBoard.builder().digitalInput("x").digitalOutput("x"));
        assertThrows(IllegalArgumentException.class, () -> SimBoard.builder().digitalInput("storage"));
    }
}
