package dev.aplysia.host.collect;

import java.io.IOException;
import java.nio.file.Files;

/** The round trip through a real Mosquitto, when it is installed; each test is skipped otherwise. */
class MosquittoRoundTripTest extends BrokerRoundTripContract {

    @Override
    TestBroker newBroker() throws IOException {
        return new MosquittoBroker(Files.createTempDirectory("aplysia-mosquitto"));
    }

    @Override
    String unavailableReason() {
        return MosquittoBroker.available() ? null : "Mosquitto is not installed at " + MosquittoBroker.BINARY
                + " (apt-get install mosquitto): skipping the real-broker round trip";
    }
}
