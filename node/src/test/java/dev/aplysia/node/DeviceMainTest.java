package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeviceMainTest {

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
}
