package dev.aplysia.host.collect;

/** The round trip through the embedded Moquette broker. */
class MoquetteRoundTripTest extends BrokerRoundTripContract {

    @Override
    TestBroker newBroker() {
        return new MoquetteBroker();
    }
}
