package dev.aplysia.hal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import dev.aplysia.hal.storage.MemoryStorage;

/** A Pi4J board over Pi4J's mock providers, with the context kept at hand to reach the mock I/O behind it. */
final class MockPi4j implements AutoCloseable {

    final Context context;
    final Pi4jBoard board;

    MockPi4j() throws HalException {
        this(TestBoards.CONFIG);
    }

    MockPi4j(String config) throws HalException {
        context = context();
        board = Pi4jBoard.on(context, BoardConfig.parse("bench.conf", config), new MemoryStorage());
    }

    /** A context with the mock platform and exactly the mock providers the board uses. */
    static Context context() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance(), MockSpiProvider.newInstance())
                .build();
    }

    /** The mock I/O behind channel {@code name}. */
    <T> T mock(String name, Class<T> type) {
        return type.cast(context.getIO(name));
    }

    @Override
    public void close() throws HalException {
        board.close();
    }
}
