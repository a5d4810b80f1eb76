package dev.aplysia.hal.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DigitalInput} does; each implementation's test extends this. */
public abstract class DigitalInputContract {

    private DigitalInput input;

    /** A fresh input, with its line low. */
    protected abstract DigitalInput createInput() throws Exception;

    /** Drives the line behind the input created last. */
    protected abstract void drive(boolean high) throws Exception;

    @BeforeEach
    void openInput() throws Exception {
        input = createInput();
    }

    @Test
    void readsTheDrivenLevel() throws Exception {
        drive(true);
        assertTrue(input.isHigh());
        drive(false);
        assertFalse(input.isHigh());
    }

    @Test
    void isLowIsTheOppositeOfIsHigh() throws Exception {
        drive(true);
        assertFalse(input.isLow());
        drive(false);
        assertTrue(input.isLow());
    }

    @Test
    void countsRisingAndFallingEdgesSinceTheLastPoll() throws Exception {
        drive(true);
        drive(false);
        drive(true);
        assertEquals(2, input.pollRisingEdges());
        assertEquals(1, input.pollFallingEdges());
    }

    @Test
    void pollingResetsTheCount() throws Exception {
        drive(true);
        input.pollRisingEdges();
        assertEquals(0, input.pollRisingEdges());
    }

    @Test
    void drivingTheSameLevelAgainIsNoEdge() throws Exception {
        drive(true);
        drive(true);
        assertEquals(1, input.pollRisingEdges());
        assertEquals(0, input.pollFallingEdges());
    }
}
