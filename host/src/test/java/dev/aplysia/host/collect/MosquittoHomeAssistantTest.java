package dev.aplysia.host.collect;

import java.io.IOException;
import java.nio.file.Files;

/** Home Assistant's view through a real Mosquitto, when it is installed; each test is skipped otherwise. */
class MosquittoHomeAssistantTest extends HomeAssistantContract {

    @Override
    TestBroker newBroker() throws IOException {
        return new MosquittoBroker(Files.createTempDirectory("aplysia-mosquitto"));
    }

    @Override
    String unavailableReason() {
        return MosquittoBroker.available() ? null : "Mosquitto is not installed at " + MosquittoBroker.BINARY
                + " (apt-get install mosquitto): skipping Home Assistant over a real broker";
    }
}
