package dev.aplysia.hal.analog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AnalogInput} does; each implementation's test extends this. */
public abstract class AnalogInputContract {

    private AnalogInput input;

    /** A fresh input. */
    protected abstract AnalogInput createInput() throws Exception;

    /** Makes the next conversion of the input created last yield {@code counts} (0..maxValue). */
    protected abstract void drive(int counts) throws Exception;

    @BeforeEach
    void openInput() throws Exception {
        input = createInput();
    }

    @Test
    void maxValueIsPositive() {
        assertTrue(input.maxValue() >= 1);
    }

    @Test
    void readsTheDrivenCounts() throws Exception {
        drive(513);
        assertEquals(513, input.read());
    }

    @Test
    void readsZero() throws Exception {
        drive(0);
        assertEquals(0, input.read());
    }

    @Test
    void readsFullScale() throws Exception {
        drive(input.maxValue());
        assertEquals(input.maxValue(), input.read());
    }

    @Test
    void scaledReadMapsFullScaleOntoTheScale() throws Exception {
        drive(input.maxValue());
        assertEquals(1000, input.readScaled(1000));
    }

    @Test
    void scaledReadRoundsDown() throws Exception {
        drive(input.maxValue() / 2);
        assertEquals((long) (input.maxValue() / 2) * 1000 / input.maxValue(), input.readScaled(1000));
    }
}
