package dev.aplysia.host.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between a client and a broker, so a test can do to the network what tests cannot ask of a broker: cut
 * every connection abruptly (reset, no MQTT DISCONNECT, so the broker fires the Last Will) and hold new connections
 * unanswered until released (so the test decides when the client gets back in).
 */
public final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> open = new ArrayList<>();
    private final List<Socket> held = new ArrayList<>();
    private boolean holding;

    /** A relay on a free loopback port to {@code 127.0.0.1:targetPort}. */
    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "relay-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where clients connect instead of the broker. */
    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, new connections wait unanswered until {@link #release()}. */
    public synchronized void hold() {
        holding = true;
    }

    /** Connects the waiting connections to the broker and lets new ones through. */
    synchronized void release() {
        holding = false;
        for (Socket client : held) {
            link(client);
        }
        held.clear();
    }

    /** Lets new connections through again but leaves the held ones waiting, unanswered, until {@link #close()}. */
    synchronized void admitNewOnly() {
        holding = false;
    }

    /** Resets every relayed connection, both sides, as a pulled cable would (seen by the broker as a lost client). */
    public synchronized void cut() {
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        cut();
        held.forEach(TcpRelay::reset);
        held.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                synchronized (this) {
                    if (holding) {
                        held.add(client);
                    } else {
                        link(client);
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void link(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException e) {
            reset(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // One side went away; closing both below ends the other pump too.
            }
            reset(from);
            reset(to);
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // Already gone: nothing left to reset.
        }
    }
}
