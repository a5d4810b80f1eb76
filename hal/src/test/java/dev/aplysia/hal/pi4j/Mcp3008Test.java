package dev.aplysia.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.spi.Spi;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class Mcp3008Test {

    @Mock
    Spi spi;

    private final List<byte[]> commands = new ArrayList<>();

    /** Stubs the SPI to answer every 3-byte transfer with {@code response}, keeping the commands sent. */
    private Mcp3008 answering(int... response) {
        when(spi.transfer(any(byte[].class), eq(0), any(byte[].class), eq(0), eq(3))).thenAnswer(call -> {
            commands.add(((byte[]) call.getArgument(0)).clone());
            byte[] in = call.getArgument(2);
            for (int i = 0; i < 3; i++) {
                in[i] = (byte) response[i];
            }
            return 3;
        });
        return new Mcp3008("adc0", spi);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void sendsStartSingleEndedAndTheChannel(int channel) throws Exception {
        answering(0, 0, 0).read(channel);
        assertArrayEquals(new byte[] {0x01, (byte) (0x80 | channel << 4), 0x00}, commands.get(0));
    }

    @Test
    void decodesTheTwoLowBitsOfTheSecondByteThenTheThirdByte() throws Exception {
        assertEquals(0x2A5, answering(0xFF, 0x02, 0xA5).read(0));
    }

    @Test
    void ignoresTheUndefinedHighBitsOfTheSecondByte() throws Exception {
        assertEquals(1023, answering(0xFF, 0xFF, 0xFF).read(3));
    }

    @Test
    void aFailedTransferIsAnIoError() {
        when(spi.transfer(any(byte[].class), anyInt(), any(byte[].class), anyInt(), anyInt())).thenReturn(-1);
        HalException e = assertThrows(HalException.class, () -> new Mcp3008("adc0", spi).read(0));
        assertEquals(ErrorKind.IO, e.kind());
    }

    @Test
    void aDriverExceptionIsAnIoErrorWithItsCause() {
        when(spi.transfer(any(byte[].class), anyInt(), any(byte[].class), anyInt(), anyInt()))
                .thenThrow(new IOException("spidev0.0: broken pipe"));
        HalException e = assertThrows(HalException.class, () -> new Mcp3008("adc0", spi).read(0));
        assertEquals(ErrorKind.IO, e.kind());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void aChannelOutside0To7IsRejectedWithoutATransfer() {
        HalException e = assertThrows(HalException.class, () -> new Mcp3008("adc0", spi).read(8));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        verifyNoInteractions(spi);
    }
}
