package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aplysia.device.firmware.FirmwareEntities;
import dev.aplysia.device.telemetry.Topics;
import dev.aplysia.device.telemetry.mqtt.MqttSettings;
import dev.aplysia.device.telemetry.mqtt.PahoTransport;
import dev.aplysia.host.broker.EmbeddedBroker;
import dev.aplysia.host.collect.HomeAssistantSide;
import dev.aplysia.host.collect.TelemetryCollector;
import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCommandsTest {

    private static final String BOARD = Path.of("..", "examples", "robot.board").toString();
    private static final Path SCENARIO = Path.of("..", "examples", "teach-two-situations.scenario");

    @TempDir
    Path dir;

    @Test
    void theRobotBeatsTheLinearReferenceWithLearningFrozenOnTheLast30Percent() throws Exception {
        CliRun run = CliRun.of("device", "robot", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode linear = json.get("baselines").get(1);
        assertEquals("logistic-regression", linear.get("name").asText());
        assertTrue(json.get("accuracy_frozen").asDouble() > linear.get("accuracy").asDouble(),
                "frozen " + json.get("accuracy_frozen") + ", " + linear);
        assertEquals(5, json.get("baselines").size());
        assertTrue(json.get("accuracy_continuing").asDouble() > json.get("accuracy_frozen").asDouble());
        assertEquals(5456, json.get("samples").asInt());
        assertEquals(10, json.get("windows").size());
        assertTrue(json.get("state_bytes").asLong() < 224 * 1024);
        JsonNode mcu = json.get("mcu");
        assertEquals("rp2040", mcu.get(0).get("profile").asText(), "the run's own profile first");
        assertTrue(json.get("deadline_misses").asLong() >= json.get("mcu_overruns").asLong(),
                "on the simulated clock, charged each tick's MCU time, every overrun misses its deadline (and a"
                        + " late tick can make the next one late): " + json.get("deadline_misses") + " misses, "
                        + json.get("mcu_overruns") + " overruns");
        assertTrue(mcu.get(0).get("overruns").asLong() > 0 && mcu.get(0).get("peak").asDouble() > 1,
                "the calibrated model: 800 features do not fit an RP2040's 1 ms tick (its C step measures 520,560"
                        + " instructions at worst, docs/mcu.md): " + mcu.get(0));
        JsonNode pi = mcu.get(3);
        assertEquals("pi-native", pi.get("profile").asText());
        assertEquals(0, pi.get("overruns").asLong(), pi.toString());
    }

    @Test
    void theExampleScenarioPasses() {
        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("scenario passed: 6 expectations met"), run.out());
    }

    @Test
    void theHaltAndResumeScenarioPassesWithHaltsReportedOnStderr() {
        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario",
                SCENARIO.resolveSibling("halt-and-resume.scenario").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("scenario passed: 12 expectations met"), run.out());
        assertTrue(run.err().contains("outputs halted at their safe values (command)"), run.err());
        assertTrue(run.err().contains("outputs resumed"), run.err());
    }

    @Test
    void anUnmetExpectationExitsOneNamingTheScenarioLine() throws IOException {
        Path wrong = dir.resolve("wrong.scenario");
        Files.writeString(wrong, Files.readString(SCENARIO).replace("expect motor-right 800\nexpect led-slight-left",
                "expect motor-right 100\nexpect led-slight-left"));

        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario", wrong.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("wrong.scenario:") && run.out().contains("motor-right"), run.out());
    }

    @Test
    void withABrokerEveryDecisionArrivesAsTelemetry() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
             TelemetryCollector host = new TelemetryCollector(Topics.of("robot-t"),
                     new PahoTransport(MqttSettings.of(broker.url(), "host-t")))) {
            host.start();
            host.awaitConnected(Duration.ofSeconds(10));

            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                    "--broker", broker.url(), "--id", "robot-t");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(24, host.awaitFrames("decisions", 24, Duration.ofSeconds(10)).size());
            assertEquals(0, host.gaps("decisions").missingCount());
            assertEquals("spiking-classifier-8x800x4", host.awaitMeta(Duration.ofSeconds(10)).get("network").asText());
        }
    }

    @Test
    void withABrokerTheLastHealthFrameIsRetainedForASubscriberWhoComesLater() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                    "--broker", broker.url(), "--id", "robot-h");
            assertEquals(0, run.exitCode(), run.err());

            try (TelemetryCollector late = new TelemetryCollector(Topics.of("robot-h"),
                    new PahoTransport(MqttSettings.of(broker.url(), "late-h")))) {
                late.start();
                JsonNode health = late.awaitFrames("health", 1, Duration.ofSeconds(10)).get(0).fields();

                assertTrue(health.get("decisions").asLong() > 0, health.toString());
                assertTrue(health.get("learning").asBoolean(), health.toString());
                assertTrue(health.has("snapshot_age_ms") && health.has("deadline_misses"), health.toString());
            }
        }
    }

    @Test
    void withABrokerHomeAssistantFindsTheDevicesConfigsRetained() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            CliRun run = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                    "--broker", broker.url(), "--id", "robot-ha", "--ha-prefix", "hass");
            assertEquals(0, run.exitCode(), run.err());

            try (HomeAssistantSide homeAssistant = new HomeAssistantSide(broker.url(), "hass-late", "hass")) {
                List<HomeAssistantSide.Message> configs = homeAssistant.await(
                        topic -> topic.startsWith("hass/") && topic.endsWith("/config"),
                        FirmwareEntities.of(Topics.of("robot-ha")).size(), Duration.ofSeconds(10));

                assertTrue(configs.stream().anyMatch(c -> c.topic().equals("hass/switch/robot-ha/learning/config")),
                        configs.toString());
            }
        }
    }

    @Test
    void aDiscoveryPrefixWithAWildcardIsAUsageError() {
        CliRun run = CliRun.of("device", "run", "--config", BOARD, "--ticks", "1", "--ha-prefix", "ha/#");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--ha-prefix: invalid discovery prefix 'ha/#'"), run.err());
    }

    @Test
    void aRecordedRunReplaysOutputForOutputAndATamperedOneIsCaught() throws IOException {
        Path trace = dir.resolve("run.trace");
        CliRun recorded = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                "--record", trace.toString());
        CliRun replayed = CliRun.of("device", "run", "--config", BOARD, "--replay", trace.toString());
        Path edited = dir.resolve("edited.trace");
        Files.writeString(edited, unpacked(trace).replaceFirst("motor-left duty 500", "motor-left duty 501"));
        CliRun tampered = CliRun.of("device", "run", "--config", BOARD, "--replay", edited.toString());

        assertEquals(0, recorded.exitCode(), recorded.err());
        assertEquals(0, replayed.exitCode(), replayed.out() + replayed.err());
        assertTrue(replayed.out().contains("replay matched: 2600 ticks"), replayed.out());
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.out().contains("replay FAILED") && tampered.out().contains("motor-left"), tampered.out());
    }

    @Test
    void aTraceRecordedWithOneSeedIsRefusedByAReplayWithAnother() {
        Path trace = dir.resolve("run.trace");
        CliRun recorded = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                "--seed", "1", "--record", trace.toString());
        CliRun replayed = CliRun.of("device", "run", "--config", BOARD, "--replay", trace.toString(), "--seed", "2");

        assertEquals(0, recorded.exitCode(), recorded.err());
        assertEquals(1, replayed.exitCode(), replayed.out() + replayed.err());
        assertTrue(replayed.err().contains("run.trace:1: recorded by another run: seed 1, this run 2"),
                replayed.err());
    }

    @Test
    void aTraceIsRefusedByAReplayOnAChangedBoardConfig() throws IOException {
        Path trace = dir.resolve("run.trace");
        Path changed = dir.resolve("changed.board");
        Files.writeString(changed, Files.readString(Path.of(BOARD)).replace("debounce=20ms", "debounce=50ms"));
        CliRun recorded = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                "--record", trace.toString());
        CliRun replayed = CliRun.of("device", "run", "--config", changed.toString(), "--replay", trace.toString());

        assertEquals(0, recorded.exitCode(), recorded.err());
        assertEquals(1, replayed.exitCode(), replayed.out() + replayed.err());
        assertTrue(replayed.err().contains("recorded by another run: config "), replayed.err());
        assertTrue(!replayed.err().contains("seed"), replayed.err());
    }

    @Test
    void aTraceWithoutAHeaderIsRefusedNamingItsFirstLine() throws IOException {
        Path trace = dir.resolve("old.trace");
        Files.writeString(trace, "0 clock nanos 0\n1 clock nanos 0\n");

        CliRun replayed = CliRun.of("device", "run", "--config", BOARD, "--replay", trace.toString());

        assertEquals(1, replayed.exitCode(), replayed.out() + replayed.err());
        assertTrue(replayed.err().contains("old.trace:1: no trace header"), replayed.err());
    }

    @Test
    void aRecordedTraceIsGzipCompressedWithItsHeaderFirst() throws IOException {
        Path trace = dir.resolve("run.trace");
        CliRun recorded = CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(),
                "--seed", "7", "--record", trace.toString());

        assertEquals(0, recorded.exitCode(), recorded.err());
        assertTrue(unpacked(trace).matches("(?s)aplysia-trace 2 firmware=\\S+ seed=7 config=[0-9a-f]{16}\n.*"),
                unpacked(trace).lines().findFirst().orElse(""));
    }

    @Test
    void aTruncatedTraceIsRefusedNamingTheLineWhereItIsCutOff() throws IOException {
        Path trace = dir.resolve("run.trace");
        CliRun.of("device", "run", "--config", BOARD, "--scenario", SCENARIO.toString(), "--record", trace.toString());
        byte[] bytes = Files.readAllBytes(trace);
        Files.write(trace, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        CliRun replayed = CliRun.of("device", "run", "--config", BOARD, "--replay", trace.toString());

        assertEquals(1, replayed.exitCode(), replayed.out() + replayed.err());
        assertTrue(replayed.err().matches("(?s).*run\\.trace:\\d+: cut short: .*"), replayed.err());
    }

    private static String unpacked(Path trace) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(trace))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSecondRunBootsFromTheFirstRunsSnapshot() {
        String state = dir.resolve("state").toString();
        CliRun first = CliRun.of("device", "run", "--config", BOARD, "--state-dir", state, "--ticks", "500");
        CliRun second = CliRun.of("device", "run", "--config", BOARD, "--state-dir", state, "--ticks", "10");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("no valid snapshot"), first.err());
        assertTrue(second.err().contains("booted from snapshot.a"), second.err());
    }

    @Test
    void aRebootedRunSpeaksOfTicksOnlyInItsOwnLoopsNumbering() {
        String state = dir.resolve("state").toString();
        CliRun first = CliRun.of("device", "run", "--config", BOARD, "--state-dir", state, "--ticks", "500");
        CliRun second = CliRun.of("device", "run", "--config", BOARD, "--state-dir", state, "--ticks", "10");

        assertTrue(first.err().contains("tick 500: snapshot saved"), first.err());
        String boot = second.err().lines().filter(line -> line.startsWith("booted from")).findFirst().orElseThrow();
        assertTrue(boot.matches("booted from snapshot\\.a, saved after \\d+ core steps"), boot);
        assertTrue(second.err().contains("tick 10: snapshot saved"), second.err());
    }

    @Test
    void aBoardConfigErrorNamesTheFileAndLine() throws IOException {
        Path board = dir.resolve("bad.board");
        Files.writeString(board, "analog sonar0 adc=adc0 channel=0\npwm motor-left pin=99\n");

        CliRun run = CliRun.of("device", "run", "--config", board.toString(), "--ticks", "1");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bad.board:"), run.err());
    }

    @Test
    void aRunStartedHaltedNeverDrivesItsMotorsUntilResumed() throws IOException {
        Path halted = dir.resolve("halted.trace");
        Path driving = dir.resolve("driving.trace");

        CliRun start = CliRun.of("device", "run", "--config", BOARD, "--start-halted", "--record", halted.toString(),
                "--ticks", "3000");
        CliRun usual = CliRun.of("device", "run", "--config", BOARD, "--record", driving.toString(),
                "--ticks", "3000");

        assertEquals(0, start.exitCode(), start.err());
        assertEquals(0, usual.exitCode(), usual.err());
        String drives = "(?s).*\\d+ motor-\\w+ duty [1-9].*";
        assertTrue(unpacked(driving).matches(drives), "without the option the robot drives");
        assertFalse(unpacked(halted).matches(drives), "a run started halted never drives");
    }

    @Test
    void aBoardWithThreeOfTheFourTeachingInputsFailsAtStartWithOneLineNamingTheFileAndLine() throws IOException {
        Path board = dir.resolve("three-teachers.board");
        String text = Files.readString(Path.of(BOARD));
        Files.writeString(board, text.replaceFirst("(?m)^digital-in   teach-slight-left .*$", "# not wired yet"));
        long firstTeacher = text.lines().takeWhile(line -> !line.startsWith("digital-in   teach-forward")).count() + 1;

        CliRun run = CliRun.of("device", "run", "--config", board.toString(), "--ticks", "1");

        assertEquals(1, run.exitCode());
        assertEquals("aplysia: error: " + board + ":" + firstTeacher + ": teaching inputs must be all 4 or none: teach-slight-left is"
                + " missing", run.err().strip());
    }

    @Test
    void aScenarioNeedsTheSimulatedBoard() {
        CliRun run = CliRun.of("device", "run", "--board", "pi4j", "--config", BOARD, "--scenario",
                SCENARIO.toString(), "--state-dir", dir.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--scenario needs --board sim"), run.err());
    }

    @Test
    void sigtermSavesTheLearnedStateAndExitsCleanly() throws Exception {
        Path state = dir.resolve("state");
        Process device = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AplysiaCommand.class.getName(), "device", "run",
                "--config", BOARD, "--state-dir", state.toString())
                .redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(device.getInputStream()));
        String firstLines = awaitLine(output, "running");

        device.toHandle().destroy();

        String rest = output.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(device.waitFor(30, TimeUnit.SECONDS), "exited after SIGTERM");
        assertEquals(128 + 15, device.exitValue(), "the conventional status of a SIGTERM exit: " + firstLines + rest);
        assertTrue(Files.exists(state.resolve("snapshot.a")), firstLines + rest);
        assertTrue(rest.contains("snapshot saved"), firstLines + rest);
    }

    /**
     * How long the real-time paced robot drives before the signal: dozens of samples. The trace is gzip, complete only
     * once the process has ended, so the test cannot watch it drive; "it drove" is asserted on the trace afterwards.
     */
    private static final long DRIVING_MILLIS = 2_000;

    @Test
    void sigtermDrivesEveryOutputToItsSafeValueBeforeTheProcessEnds() throws Exception {
        Path trace = dir.resolve("drive.trace");
        Process device = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AplysiaCommand.class.getName(), "device", "run",
                "--config", BOARD, "--record", trace.toString())
                .redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(device.getInputStream()));
        String firstLines = awaitLine(output, "running");
        Thread.sleep(DRIVING_MILLIS);

        device.toHandle().destroy();

        String rest = output.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(device.waitFor(30, TimeUnit.SECONDS), "exited after SIGTERM");
        java.util.List<String> writes = unpacked(trace).lines()
                .filter(line -> line.matches("\\d+ (motor-\\w+ duty|led-[\\w-]+ set) \\d+")).toList();
        assertTrue(writes.stream().anyMatch(line -> line.matches("\\d+ motor-left duty [1-9]\\d*")), "it drove");
        for (String channel : java.util.List.of("motor-left", "motor-right", "led-forward", "led-slight-right",
                "led-sharp-right", "led-slight-left")) {
            String last = writes.stream().filter(line -> line.contains(" " + channel + " ")).reduce((a, b) -> b)
                    .orElseThrow();
            assertTrue(last.endsWith(" 0"), channel + " last written: " + last);
        }
        assertTrue(rest.contains("outputs halted at their safe values (shutdown)"), firstLines + rest);
    }

    /** Waits until the recorded trace shows the motors driven (the writer flushes every few ticks). */
    private static String awaitLine(java.io.BufferedReader reader, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                return seen.toString();
            }
        }
        throw new AssertionError("process ended before printing '" + marker + "': " + seen);
    }
}
