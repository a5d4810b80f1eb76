package dev.aplysia.host.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The watch page's server answers every request, and a bad one with a status and a reason naming what is wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedBroker broker;
    private WatchedBroker watched;
    private WatchServer server;

    @BeforeAll
    void serve() throws Exception {
        broker = new EmbeddedBroker().start();
        watched = new WatchedBroker(Topics.DEFAULT_PREFIX, stem -> new PahoTransport(MqttSettings.of(broker.url(),
                MqttSettings.perRunClientId(stem))), new PrintWriter(new StringWriter()));
        watched.start();
        server = WatchServer.start(watched, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    void stop() {
        server.close();
        watched.close();
        broker.close();
    }

    @Test
    void thePageAndItsScriptAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/watch.js");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"watch.js\">"), page.body());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anUnknownPathIsNotFoundAndSaysWhereThePageIs() throws Exception {
        HttpResponse<String> response = get("/admin");

        assertEquals(404, response.statusCode());
        assertEquals("no such page: /admin (the page is at /)\n", response.body());
    }

    @Test
    void aCommandMustBePosted() throws Exception {
        HttpResponse<String> response = get("/command");

        assertEquals(405, response.statusCode());
        assertEquals("/command takes POST, not GET\n", response.body());
    }

    @Test
    void aCommandThatIsNotJsonIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = post("text/plain", null, "device=a&action=halt");

        assertEquals(415, response.statusCode());
        assertEquals("a command is sent as application/json, not text/plain\n", response.body());
    }

    @Test
    void aCommandFromAnotherWebSiteIsRefused() throws Exception {
        HttpResponse<String> response = post("application/json", "http://evil.example",
                "{\"device\":\"a\",\"action\":\"halt\"}");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().startsWith("a command from http://evil.example is refused"), response.body());
    }

    @Test
    void malformedJsonIsABadRequestSayingSo() throws Exception {
        HttpResponse<String> response = post("application/json", null, "{\"device\":");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("malformed JSON: "), response.body());
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        HttpResponse<String> response = post("application/json", null, "{\"action\":\"halt\"}");

        assertEquals(400, response.statusCode());
        assertEquals("field 'device' must be a string, got null\n", response.body());
    }

    @Test
    void anUnknownActionIsRefusedListingThoseThereAre() throws Exception {
        HttpResponse<String> response = post("application/json", null, "{\"device\":\"a\",\"action\":\"jump\"}");

        assertEquals(400, response.statusCode());
        assertEquals("unknown action 'jump'; the page knows: halt, resume, learning-on, learning-off\n",
                response.body());
    }

    @Test
    void aCommandToADeviceNotOnTheBrokerIsNotFound() throws Exception {
        HttpResponse<String> response = post("application/json", null, "{\"device\":\"ghost\",\"action\":\"halt\"}");

        assertEquals(404, response.statusCode());
        assertEquals("no device 'ghost' on the broker; devices: none\n", response.body());
    }

    @Test
    void anOversizedCommandIsRefused() throws Exception {
        HttpResponse<String> response = post("application/json", null,
                "{\"device\":\"" + "a".repeat(WatchServer.MAX_REQUEST_BYTES) + "\"}");

        assertEquals(413, response.statusCode());
        assertEquals("a command request has at most 4096 bytes\n", response.body());
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedOnLoopback() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: rebound.example:8080\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 421 "), answer);
            assertTrue(answer.endsWith("this page answers on a loopback address only, not as rebound.example:8080"
                    + " (open http://127.0.0.1:" + server.url().getPort() + "/)\n"), answer);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String type, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/command")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return server.url().resolve(path);
    }
}
