package dev.aplysia.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.pi4j.plugin.mock.provider.spi.MockSpi;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.analog.AnalogInputContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP3008 inputs over Pi4J's mock SPI. The mock answers a transfer with bytes written to it beforehand and then
 * keeps the transferred command bytes, so each read is primed with one 3-byte response.
 */
class Pi4jAnalogInputTest extends AnalogInputContract {

    private MockPi4j pi;

    @Override
    protected AnalogInput createInput() throws Exception {
        pi = new MockPi4j();
        return pi.board.analogInput("sonar0");
    }

    @Override
    protected void drive(int counts) {
        MockSpi spi = spi();
        spi.readEntireMockBuffer();
        spi.write(new byte[] {0, (byte) (counts >> 8), (byte) counts}, 0, 3);
    }

    private MockSpi spi() {
        return pi.mock("adc0", MockSpi.class);
    }

    @AfterEach
    void closeBoard() throws Exception {
        pi.close();
    }

    @Test
    void sendsTheSingleEndedCommandForTheChannel() throws Exception {
        drive(0);
        pi.board.analogInput("sonar1").read();
        assertArrayEquals(new byte[] {0x01, (byte) 0xD0, 0x00}, spi().readEntireMockBuffer());
    }
}
