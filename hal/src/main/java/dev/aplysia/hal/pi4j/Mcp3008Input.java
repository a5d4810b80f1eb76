package dev.aplysia.hal.pi4j;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;

/** One single-ended channel of an {@link Mcp3008}: 0..1023 counts. */
final class Mcp3008Input implements AnalogInput {

    private final Mcp3008 adc;
    private final int channel;

    Mcp3008Input(Mcp3008 adc, int channel) {
        this.adc = adc;
        this.channel = channel;
    }

    @Override
    public int read() throws HalException {
        return adc.read(channel);
    }

    @Override
    public int maxValue() {
        return Mcp3008.MAX_VALUE;
    }
}
