package dev.aplysia.host.collect;

import dev.aplysia.host.broker.EmbeddedBroker;
import java.io.IOException;

/** The embedded Moquette broker as a {@link TestBroker}. */
final class MoquetteBroker implements TestBroker {

    private final EmbeddedBroker broker = new EmbeddedBroker();

    @Override
    public void start() throws IOException {
        broker.start();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public String url() {
        return broker.url();
    }

    @Override
    public int port() {
        return broker.port();
    }

    @Override
    public void close() {
        broker.close();
    }
}
