package dev.aplysia.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.gpio.DigitalOutputContract;
import org.junit.jupiter.api.Test;

class SimDigitalOutputTest extends DigitalOutputContract {

    private SimDigitalOutput output;

    @Override
    protected DigitalOutput createOutput() throws Exception {
        output = SimBoard.builder().digitalOutput("led").build().digitalOutput("led");
        return output;
    }

    @Override
    protected boolean observedHigh() {
        return output.level();
    }

    @Test
    void historyStampsEachChangeWithTickAndVirtualTime() throws Exception {
        SimBoard board = SimBoard.builder().digitalOutput("led").build();
        SimDigitalOutput led = board.digitalOutput("led");
        board.beginTick(3);
        board.clock().advance(1_000);
        led.setHigh();
        led.setHigh();
        board.beginTick(4);
        board.clock().advance(1_000);
        led.setLow();
        OutputHistory history = led.history();
        assertEquals(2, history.size());
        assertEquals(3, history.tick(0));
        assertEquals(1_000, history.nanos(0));
        assertEquals(1, history.value(0));
        assertEquals(4, history.tick(1));
        assertEquals(2_000, history.nanos(1));
        assertEquals(0, history.value(1));
    }

    @Test
    void historyGrowsPastItsInitialCapacity() throws Exception {
        SimDigitalOutput led = SimBoard.builder().digitalOutput("led").build().digitalOutput("led");
        for (int i = 0; i < 1000; i++) {
            led.toggle();
        }
        assertEquals(1000, led.history().size());
        assertEquals(0, led.history().value(999));
    }
}
