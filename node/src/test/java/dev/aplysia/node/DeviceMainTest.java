package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeviceMainTest {

    private static final String REWARD_BOARD = "../examples/reward-robot.board";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = DeviceMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theDeviceCommandLineOffersRunWithItsOptions() {
        assertEquals(0, run("run", "--help"));

        assertTrue(out.toString().contains("--board"), out.toString());
        assertTrue(out.toString().contains("--state-dir"), out.toString());
        assertTrue(out.toString().contains("--broker"), out.toString());
    }

    @Test
    void aMissingBoardConfigIsAUsageErrorNamingTheOption() {
        assertEquals(2, run("run"));

        assertTrue(err.toString().contains("--config"), err.toString());
    }

    @Test
    void aWatchdogShorterThanTenTicksIsAUsageErrorSayingWhy() {
        assertEquals(2, run("run", "--config", "../examples/robot.board", "--watchdog", "5ms", "--ticks", "1"));

        assertTrue(err.toString().contains("--watchdog 5ms is shorter than 10ms"), err.toString());
    }

    @Test
    void aWatchdogThatIsNotADurationIsAUsageError() {
        assertEquals(2, run("run", "--config", "../examples/robot.board", "--watchdog", "half a second"));

        assertTrue(err.toString().contains("--watchdog: 'half a second' is not a duration"), err.toString());
    }

    @Test
    void theRewardRobotRunsOnTheSimulatedBoardAndSavesItsState() {
        assertEquals(0, run("run", "--app", "reward", "--config", "../examples/reward-robot.board", "--ticks", "1000"),
                err.toString());

        assertTrue(out.toString().contains("ticks 1000, samples 10, decisions 10"), out.toString());
        assertTrue(err.toString().contains("starting from a new network"), err.toString());
    }

    @Test
    void aRecordedRewardRobotReplaysOutputForOutputAndIsNotTheClassifiersTrace(@TempDir Path dir) {
        String trace = dir.resolve("reward.trace").toString();
        int recorded = run("run", "--app", "reward", "--config", REWARD_BOARD, "--ticks", "3000", "--record", trace);
        int replayed = run("run", "--app", "reward", "--config", REWARD_BOARD, "--replay", trace);
        String replayOut = out.toString();
        int asClassifier = run("run", "--config", REWARD_BOARD, "--replay", trace);

        assertEquals(0, recorded, err.toString());
        assertEquals(0, replayed, err.toString());
        assertTrue(replayOut.contains("replay matched: 3000 ticks, every output as recorded"), replayOut);
        assertTrue(asClassifier != 0, "the classifier robot replayed the reward robot's trace");
    }
}
