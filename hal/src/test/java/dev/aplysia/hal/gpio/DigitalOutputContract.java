package dev.aplysia.hal.gpio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DigitalOutput} does; each implementation's test extends this. */
public abstract class DigitalOutputContract {

    private DigitalOutput output;

    /** A fresh output, initially low. */
    protected abstract DigitalOutput createOutput() throws Exception;

    /** The level the line behind the output created last is actually at. */
    protected abstract boolean observedHigh() throws Exception;

    @BeforeEach
    void openOutput() throws Exception {
        output = createOutput();
    }

    @Test
    void startsLow() throws Exception {
        assertFalse(output.isSetHigh());
        assertFalse(observedHigh());
    }

    @Test
    void setHighDrivesTheLineHigh() throws Exception {
        output.setHigh();
        assertTrue(observedHigh());
        assertTrue(output.isSetHigh());
    }

    @Test
    void setLowDrivesTheLineLow() throws Exception {
        output.setHigh();
        output.setLow();
        assertFalse(observedHigh());
        assertFalse(output.isSetHigh());
    }

    @Test
    void setFollowsItsArgument() throws Exception {
        output.set(true);
        assertTrue(observedHigh());
        output.set(false);
        assertFalse(observedHigh());
    }

    @Test
    void toggleInvertsTheLastSetLevel() throws Exception {
        output.toggle();
        assertTrue(observedHigh());
        output.toggle();
        assertFalse(observedHigh());
    }
}
