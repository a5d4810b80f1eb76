package dev.aplysia.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.host.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;

/** {@code device fleet} and {@code host ingest}: their arguments checked before anything runs, and a small fleet. */
class FleetCommandTest {

    @Test
    void aFleetOfThreeLearnsFromItsScenarioAndEveryDeviceComesOnline() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            CliRun run = CliRun.of("device", "fleet", "--count", "3", "--broker", broker.url(), "--seconds", "3",
                    "--tick-threads", "1");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("fleet: 3 devices, 3 online at the end"), run.out());
            assertTrue(run.out().matches("(?s).*; [1-9][0-9]* samples learned.*"), run.out());
            assertTrue(run.out().contains(", 0 not met"), run.out());
        }
    }

    @Test
    void aRateNoSamplePeriodCanHoldIsAUsageErrorNamingTheLimit() {
        CliRun run = CliRun.of("device", "fleet", "--count", "3", "--broker", "tcp://127.0.0.1:1", "--rate", "500");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--rate must be 2..20 messages a second per device with --tick-ms 5"), run.err());
    }

    @Test
    void aCountOfZeroIsAUsageError() {
        CliRun run = CliRun.of("device", "fleet", "--count", "0", "--broker", "tcp://127.0.0.1:1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--count must be 1..10000, got 0"), run.err());
    }

    @Test
    void ingestStepsMustAscend() {
        CliRun run = CliRun.of("host", "ingest", "--counts", "500,100", "--broker", "tcp://127.0.0.1:1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--counts must ascend, got [500, 100]"), run.err());
    }

    @Test
    void aQosOtherThanZeroOrOneIsAUsageError() {
        CliRun run = CliRun.of("host", "ingest", "--qos", "2", "--broker", "tcp://127.0.0.1:1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--qos must be 0 or 1, got 2"), run.err());
    }
}
