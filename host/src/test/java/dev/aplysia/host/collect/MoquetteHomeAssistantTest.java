package dev.aplysia.host.collect;

/** Home Assistant's view through the embedded Moquette broker. */
class MoquetteHomeAssistantTest extends HomeAssistantContract {

    @Override
    TestBroker newBroker() {
        return new MoquetteBroker();
    }
}
