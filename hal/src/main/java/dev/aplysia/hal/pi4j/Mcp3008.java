package dev.aplysia.hal.pi4j;

import com.pi4j.io.spi.Spi;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;

/**
 * Driver for a Microchip MCP3008 (10-bit, 8-channel ADC) on SPI mode 0. A single-ended conversion of channel
 * {@code ch} is one 3-byte full-duplex transfer: out {@code [0x01, 0x80 | ch << 4, 0x00]} (start bit; single-ended,
 * channel; padding), in {@code [-, ....._ _ B9 B8, B7..B0]}: the result is {@code ((in[1] & 0x03) << 8) | in[2]}.
 * The buffers are preallocated, so a conversion allocates nothing; not thread-safe.
 */
final class Mcp3008 {

    /** Input channels, numbered from 0. */
    static final int CHANNELS = 8;
    /** The full-scale count. */
    static final int MAX_VALUE = 1023;

    private static final int TRANSFER_LENGTH = 3;
    private static final byte START = 0x01;
    private static final int SINGLE_ENDED = 0x80;

    private final String name;
    private final Spi spi;
    private final byte[] command = new byte[TRANSFER_LENGTH];
    private final byte[] response = new byte[TRANSFER_LENGTH];

    Mcp3008(String name, Spi spi) {
        this.name = name;
        this.spi = spi;
        command[0] = START;
    }

    /**
     * Converts channel {@code channel}, single-ended.
     *
     * @return 0..{@value #MAX_VALUE} counts
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} for a channel outside 0..7, {@link ErrorKind#IO} when
     *                      the transfer fails
     */
    int read(int channel) throws HalException {
        if (channel < 0 || channel >= CHANNELS) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, "MCP3008 '" + name + "' has channels 0.."
                    + (CHANNELS - 1) + ", not " + channel);
        }
        command[1] = (byte) (SINGLE_ENDED | channel << 4);
        transfer();
        return (response[1] & 0x03) << 8 | response[2] & 0xFF;
    }

    private void transfer() throws HalException {
        int result;
        try {
            result = spi.transfer(command, 0, response, 0, TRANSFER_LENGTH);
        } catch (RuntimeException e) {
            throw Pi4jFailures.io("SPI transfer to MCP3008 '" + name + "' failed", e);
        }
        if (result < 0) {
            throw new HalException(ErrorKind.IO, "SPI transfer to MCP3008 '" + name + "' failed with " + result);
        }
    }
}
