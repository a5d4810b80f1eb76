package dev.aplysia.host.collect;

/** A broker the round-trip contract runs against, on a fixed loopback port once started. */
public interface TestBroker extends AutoCloseable {

    /** Starts listening (again, on the same port, after {@link #stop()}). */
    void start() throws Exception;

    /** Stops listening and drops every connection; retained messages are lost. */
    void stop() throws Exception;

    /** {@code tcp://127.0.0.1:PORT}. */
    String url();

    /** The port, for relays in front of the broker. */
    int port();

    @Override
    void close();
}
