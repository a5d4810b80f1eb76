package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.firmware.HaltCause;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.Transport;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.hal.sim.OutputHistory;
import dev.aplysia.host.collect.MosquittoBroker;
import dev.aplysia.host.collect.RequiredPackage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code host watch} as a person sees it: a real Mosquitto, two simulated robots (the firmware through its
 * {@code FirmwareLink}; the first one taught, so that it learns), {@code host watch} in a JVM of its own, and its
 * page in headless Chromium driven by Selenium. Skipped without Mosquitto, Chromium or its driver on a developer's
 * machine, failed without them under {@code CI=true} ({@link RequiredPackage}). Leaves a screenshot in
 * {@code target/watch-page.png}.
 */
class WatchPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The board config's {@code safe=} duty of both motors. */
    private static final int SAFE_DUTY = 0;
    /** The lab device's meta (docs/protocol.md): it takes the standard commands, not halt or resume. */
    private static final String LAB_META = "{\"schema\":1,\"device\":\"lab-fields\",\"firmware\":\"0.1.0\","
            + "\"mcu\":\"rp2040\",\"network\":\"digits\",\"shape\":[64,100,10],\"format.weight\":\"Q1.14\","
            + "\"commands\":\"start,stop,reset,snapshot,set,load-weights\"}";

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private SimulatedRobot robotA;
    private SimulatedRobot robotB;
    private CliProcess watch;
    private WebDriver browser;

    @BeforeEach
    void startEverything() throws Exception {
        RequiredPackage.require(MosquittoBroker.available(), "Mosquitto is not installed at /usr/sbin/mosquitto"
                + " (apt-get install mosquitto): skipping the watch page in a browser");
        RequiredPackage.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium or its"
                + " driver is not installed at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver): skipping the watch page in a browser");
        broker = new MosquittoBroker(dir);
        broker.start();
        robotA = new SimulatedRobot("watch-a", broker.url(), "teach-forward");
        robotB = new SimulatedRobot("watch-b", broker.url(), null);
        watch = CliProcess.start(dir.resolve("watch.log"), "host", "watch", "--broker", broker.url(),
                "--http", "127.0.0.1:0");
        String page = watch.awaitLine("page: ", WAIT);
        browser = chromium();
        browser.get(page);
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (watch != null) {
            watch.close();
        }
        for (SimulatedRobot robot : new SimulatedRobot[] {robotA, robotB}) {
            if (robot != null) {
                robot.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePageListsBothDevicesShowsLiveFiguresAndItsHaltButtonStopsTheMotors() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        for (String id : List.of("watch-a", "watch-b")) {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(statusCell(id), "online"));
        }
        browser.findElement(row("watch-a")).click();
        for (String taught : List.of("accuracy", "modulator")) {
            wait.until(driver -> !figureValue(taught).isEmpty());
        }
        String firstRead = awaitDecisionsShown(wait);
        wait.until(driver -> !decisionsShown().equals(firstRead));
        assertNotEquals(firstRead, decisionsShown(), "the decisions figure moved on");

        browser.findElement(By.id("halt")).click();

        wait.until(ExpectedConditions.textToBe(By.id("command-result"), "halt: ok"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "halted"));
        saveScreenshot();
        robotA.stopTicking();
        assertEquals(HaltCause.COMMAND, robotA.firmware.halted());
        for (String motor : List.of("motor-left", "motor-right")) {
            OutputHistory duties = robotA.board.pwmOutput(motor).history();
            assertTrue(IntStream.range(0, duties.size()).anyMatch(i -> duties.value(i) != SAFE_DUTY),
                    motor + " was driven before the halt: " + duties);
            assertEquals(SAFE_DUTY, robotA.board.pwmOutput(motor).duty(), motor + " at its safe duty");
        }
        robotB.stopTicking();
        assertNull(robotB.firmware.halted(), "the other robot was not halted");
    }

    private String awaitDecisionsShown(WebDriverWait wait) {
        return wait.until(driver -> decisionsShown().isEmpty() ? null : decisionsShown());
    }

    @Test
    void aLabDeviceHasItsReceptiveFieldsDrawnAndNoButtonsForCommandsItDoesNotTake() throws Exception {
        Topics lab = Topics.of("lab-fields");
        try (PahoTransport device = new PahoTransport(MqttSettings.of(broker.url(), "lab-fields-stand-in"))) {
            device.connect(null, new Transport.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }
            });
            device.publish(lab.meta(), bytes(LAB_META), 1, true);
            device.publish(lab.status(), bytes(Topics.ONLINE), 1, true);
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            // Listed once the watch's collector for it has subscribed: frames published from then on reach the page.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(networkCell("lab-fields"), "digits"));
            browser.findElement(row("lab-fields")).click();
            for (int neuron = 0; neuron < 2; neuron++) {
                device.publish(lab.telemetry("receptive-field"), bytes(receptiveField(neuron)), 1, false);
            }

            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#fields canvas"), 2));
            WebElement image = browser.findElement(By.cssSelector("#fields canvas"));
            assertEquals(List.of("8", "8"), List.of(image.getDomAttribute("width"), image.getDomAttribute("height")),
                    "64 weights drawn as an 8 x 8 image");
            assertTrue(browser.findElement(By.id("no-controls")).isDisplayed(), "no buttons: its meta lists none");
            assertFalse(browser.findElement(By.id("no-fields")).isDisplayed(), "no 'publishes no fields' note");
            HttpResponse<String> halt = post(browser.getCurrentUrl() + "command",
                    "{\"device\":\"lab-fields\",\"action\":\"halt\"}");
            assertEquals(400, halt.statusCode());
            assertEquals("device lab-fields takes no 'halt' command; its meta lists: start, stop, reset, snapshot,"
                    + " set, load-weights\n", halt.body());
        }
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A lab device's receptive-field frame ({@code docs/protocol.md}): 64 raw Q1.14 weights, a ramp. */
    private static String receptiveField(int neuron) {
        String weights = IntStream.range(0, 64).map(i -> (i - 32) * 500 * (neuron + 1)).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        return "{\"seq\":" + neuron + ",\"tick\":" + (100 + neuron) + ",\"ts\":1767225600000,\"uptime_ms\":"
                + neuron + ",\"neuron\":" + neuron + ",\"label\":" + neuron + ",\"weights\":[" + weights + "]}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The decisions figure as drawn: its number and its line. */
    private String decisionsShown() {
        WebElement figure = browser.findElement(By.id("figure-decisions"));
        return figureValue("decisions") + " " + figure.findElement(By.tagName("polyline")).getDomAttribute("points");
    }

    private String figureValue(String figure) {
        return browser.findElement(By.cssSelector("#figure-" + figure + " .value")).getText();
    }

    private static By row(String device) {
        return By.cssSelector("#devices tbody tr[data-device='" + device + "']");
    }

    private static By statusCell(String device) {
        return By.cssSelector("#devices tbody tr[data-device='" + device + "'] td.status");
    }

    private static By networkCell(String device) {
        return By.cssSelector("#devices tbody tr[data-device='" + device + "'] td:nth-child(3)");
    }

    private void saveScreenshot() throws Exception {
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "watch-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
