package dev.aplysia.host.collect;

import dev.aplysia.host.broker.EmbeddedBroker;
import java.io.IOException;

/** The round trip through the embedded Moquette broker. */
class MoquetteRoundTripTest extends BrokerRoundTripContract {

    @Override
    TestBroker newBroker() {
        EmbeddedBroker broker = new EmbeddedBroker();
        return new TestBroker() {
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
        };
    }
}
