package dev.aplysia.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.gpio.DigitalInput;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A Pi4J digital input. Edges are counted by a state-change listener on Pi4J's event thread (gpiod delivers them
 * debounced, as configured) and collected by the tick thread's polls; counting and polling allocate nothing.
 */
final class Pi4jDigitalInput implements DigitalInput {

    private static final IntUnaryOperator SATURATING_INCREMENT = n -> n == Integer.MAX_VALUE ? n : n + 1;

    private final String name;
    private final com.pi4j.io.gpio.digital.DigitalInput input;
    private final AtomicInteger risingEdges = new AtomicInteger();
    private final AtomicInteger fallingEdges = new AtomicInteger();

    Pi4jDigitalInput(String name, com.pi4j.io.gpio.digital.DigitalInput input) {
        this.name = name;
        this.input = input;
        input.addListener(this::onStateChange);
    }

    private void onStateChange(DigitalStateChangeEvent<?> event) {
        if (event.state().isHigh()) {
            risingEdges.updateAndGet(SATURATING_INCREMENT);
        } else if (event.state().isLow()) {
            fallingEdges.updateAndGet(SATURATING_INCREMENT);
        }
    }

    @Override
    public boolean isHigh() throws HalException {
        try {
            return input.state().isHigh();
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("cannot read digital input '" + name + "'", e);
        }
    }

    @Override
    public int pollRisingEdges() {
        return risingEdges.getAndSet(0);
    }

    @Override
    public int pollFallingEdges() {
        return fallingEdges.getAndSet(0);
    }
}
