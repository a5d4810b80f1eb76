package dev.aplysia.host.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aplysia.device.telemetry.TransportException;
import dev.aplysia.host.collect.CommandAck;
import dev.aplysia.host.collect.DeviceOfflineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * The page's web server (the JDK's {@code com.sun.net.httpserver}): {@code GET /} and its two assets, bundled in the
 * jar (and an empty {@code /favicon.ico}, which browsers ask for); {@code GET /events}, the live page messages of
 * {@link WatchedBroker} as server-sent events; and {@code POST /command} with
 * {@code {"device":"board-7","action":"halt"}} ({@link PageAction}), answered with the device's ack as JSON. A bad
 * request gets a 4xx status and a plain-text reason naming what is wrong.
 *
 * <p>A command must be sent as {@code application/json}, and one whose {@code Origin} is not this server is refused:
 * another web site open in the same browser cannot halt a robot (a cross-site JSON post needs a preflight this server
 * never grants). On a loopback address every request must also name a loopback host ({@code Host: 127.0.0.1:8080},
 * {@code localhost}, {@code [::1]}), so that a web site whose name is made to resolve to 127.0.0.1 (DNS rebinding)
 * reads and commands nothing.
 */
public final class WatchServer implements AutoCloseable {

    /** Bytes a command request may have. */
    static final int MAX_REQUEST_BYTES = 4096;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final String PAGE = "/dev/aplysia/host/watch/page/";
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html|text/html; charset=utf-8",
            "/watch.js", "watch.js|text/javascript; charset=utf-8",
            "/watch.css", "watch.css|text/css; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchedBroker broker;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "aplysia-watch-http");
        thread.setDaemon(true);
        return thread;
    });

    private WatchServer(WatchedBroker broker, InetSocketAddress address) throws IOException {
        this.broker = broker;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", exchange -> answer(exchange, this::route));
        server.setExecutor(threads);
    }

    /**
     * Serves the page for {@code broker} on {@code address} (port 0: a free one).
     *
     * @throws IOException if the address cannot be bound
     */
    public static WatchServer start(WatchedBroker broker, InetSocketAddress address) throws IOException {
        WatchServer watch = new WatchServer(broker, address);
        watch.server.start();
        return watch;
    }

    /** The page's address, {@code http://127.0.0.1:8080/}. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort() + "/");
    }

    /** What went wrong with a request: the status to answer and why. */
    private static final class BadRequest extends Exception {
        private final int status;

        BadRequest(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    @FunctionalInterface
    private interface Route {
        void handle(HttpExchange exchange) throws IOException, BadRequest, InterruptedException;
    }

    /** Runs {@code route}; whatever it throws becomes an answer, never a dead thread. */
    private static void answer(HttpExchange exchange, Route route) {
        try (exchange) {
            try {
                route.handle(exchange);
            } catch (BadRequest e) {
                text(exchange, e.status, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                text(exchange, 500, "host watch failed: " + e);
            }
        } catch (IOException gone) {
            // The browser closed the connection: nothing to answer.
        }
    }

    private void route(HttpExchange exchange) throws IOException, BadRequest, InterruptedException {
        requireLoopbackHost(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/command")) {
            requireMethod(method, "POST", path);
            command(exchange);
        } else if (path.equals("/events")) {
            requireMethod(method, "GET", path);
            events(exchange);
        } else if (ASSETS.containsKey(path)) {
            requireMethod(method, "GET", path);
            asset(exchange, ASSETS.get(path).split("\\|"));
        } else if (path.equals("/favicon.ico")) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            throw new BadRequest(404, "no such page: " + path + " (the page is at /)");
        }
    }

    private void requireLoopbackHost(HttpExchange exchange) throws BadRequest {
        if (!server.getAddress().getAddress().isLoopbackAddress()) {
            return;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.replaceFirst(":[0-9]*$", "");
        if (!(name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.[0-9]{1,3}){3}"))) {
            throw new BadRequest(421, "this page answers on a loopback address only, not as " + host
                    + " (open http://127.0.0.1:" + server.getAddress().getPort() + "/)");
        }
    }

    private static void requireMethod(String method, String expected, String path) throws BadRequest {
        if (!method.equals(expected)) {
            throw new BadRequest(405, path + " takes " + expected + ", not " + method);
        }
    }

    private static void asset(HttpExchange exchange, String[] nameAndType) throws IOException {
        byte[] bytes;
        try (InputStream in = WatchServer.class.getResourceAsStream(PAGE + nameAndType[0])) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page asset " + PAGE + nameAndType[0]);
            }
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", nameAndType[1]);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Streams what is kept, then page messages as they come, until the page goes away or falls too far behind. */
    private void events(HttpExchange exchange) throws IOException, BadRequest, InterruptedException {
        PageStream page = new PageStream();
        if (!broker.addPage(page)) {
            throw new BadRequest(503, "too many pages open: at most " + WatchedBroker.MAX_PAGES);
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            write(body, "retry: 1000\n\n");
            for (String kept : broker.kept()) {
                write(body, "data: " + kept + "\n\n");
            }
            while (!page.overflowed()) {
                String message = page.next(KEEP_ALIVE);
                write(body, message == null ? ": keep-alive\n\n" : "data: " + message + "\n\n");
            }
        } finally {
            broker.removePage(page);
        }
    }

    private static void write(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private void command(HttpExchange exchange) throws IOException, BadRequest, InterruptedException {
        requireSameOrigin(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new BadRequest(415, "a command is sent as application/json, not " + type);
        }
        JsonNode request = request(exchange.getRequestBody());
        String device = textField(request, "device");
        PageAction action;
        try {
            action = PageAction.of(textField(request, "action"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        json(exchange, 200, ack(device, action));
    }

    private CommandAck ack(String device, PageAction action) throws BadRequest, InterruptedException {
        try {
            return broker.command(device, action);
        } catch (DeviceOfflineException e) {
            throw new BadRequest(409, e.getMessage());
        } catch (NoSuchElementException e) {
            throw new BadRequest(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        } catch (TimeoutException e) {
            throw new BadRequest(504, e.getMessage() + ": does device " + device + " take remote commands?");
        } catch (TransportException e) {
            throw new BadRequest(502, "cannot send to the broker: " + e.getMessage());
        }
    }

    private static void requireSameOrigin(HttpExchange exchange) throws BadRequest {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            throw new BadRequest(403, "a command from " + origin + " is refused: only this page (http://" + host
                    + ") sends commands");
        }
    }

    private static JsonNode request(InputStream in) throws IOException, BadRequest {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new BadRequest(413, "a command request has at most " + MAX_REQUEST_BYTES + " bytes");
        }
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new BadRequest(400, "a command request is a JSON object {\"device\":...,\"action\":...}");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String textField(JsonNode request, String name) throws BadRequest {
        JsonNode value = request.get(name);
        if (value == null || !value.isTextual()) {
            throw new BadRequest(400, "field '" + name + "' must be a string, got " + value);
        }
        return value.asText();
    }

    private static void json(HttpExchange exchange, int status, CommandAck ack) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ok", ack.ok()).put("command", ack.command());
        if (ack.error() != null) {
            body.put("error", ack.error());
        }
        send(exchange, status, "application/json", body.toString());
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text + "\n");
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops serving: closes the listening socket and every open page. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
