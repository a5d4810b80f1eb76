package dev.aplysia.host.collect;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare MQTT 3.1.1 client on a socket, for what Paho will not send: topics its encoder refuses (characters outside
 * the Basic Multilingual Plane, control characters), payloads of any size. It publishes at QoS 0 and then waits for a
 * ping's answer, so that when {@link #publish} returns the broker has routed the message.
 */
final class RawMqtt implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int CONNECT = 0x10;
    private static final int PUBLISH = 0x30;
    private static final int RETAIN = 0x01;
    private static final int PINGREQ = 0xC0;
    private static final int PINGRESP = 0xD0;
    private static final int DISCONNECT = 0xE0;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /** Connects anonymously, clean session, to the broker on loopback {@code port}. */
    RawMqtt(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[] {4, 0x02, 0, 60});
        string(body, ("raw-" + NEXT.incrementAndGet()).getBytes(StandardCharsets.US_ASCII));
        packet(CONNECT, body.toByteArray());
        byte[] connack = new byte[4];
        in.readFully(connack);
        if (connack[3] != 0) {
            throw new IOException("the broker refused the raw client: return code " + connack[3]);
        }
    }

    /** Publishes {@code payload} on {@code topic} (encoded as UTF-8 as it is) at QoS 0; returns once it is routed. */
    void publish(String topic, byte[] payload, boolean retained) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic.getBytes(StandardCharsets.UTF_8));
        body.write(payload);
        packet(PUBLISH | (retained ? RETAIN : 0), body.toByteArray());
        packet(PINGREQ, new byte[0]);
        int answer = in.readUnsignedByte();
        in.readUnsignedByte();
        if (answer != PINGRESP) {
            throw new IOException("expected PINGRESP, got packet type 0x" + Integer.toHexString(answer));
        }
    }

    /** Publishes a UTF-8 text payload. */
    void publish(String topic, String payload, boolean retained) throws IOException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    @Override
    public void close() throws IOException {
        try {
            packet(DISCONNECT, new byte[0]);
        } finally {
            socket.close();
        }
    }

    private void packet(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void string(ByteArrayOutputStream body, byte[] utf8) {
        body.write(utf8.length >> 8);
        body.write(utf8.length & 0xFF);
        body.writeBytes(utf8);
    }
}
