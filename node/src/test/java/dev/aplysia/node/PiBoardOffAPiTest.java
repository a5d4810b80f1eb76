package dev.aplysia.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aplysia-device run --board pi4j} on a machine that is no Raspberry Pi, such as CI's. */
class PiBoardOffAPiTest {

    @Test
    void runningThePiBoardOffAPiSaysSoInsteadOfPi4jsGpioChipMessage(@TempDir Path directory) throws Exception {
        assumeFalse(Files.exists(Path.of("/proc/device-tree/model")), "this machine has a device tree: maybe a Pi");
        Path config = Path.of("../examples/robot.board");
        StringWriter err = new StringWriter();
        CommandLine cli = DeviceMain.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("run", "--board", "pi4j", "--config", config.toString(),
                "--state-dir", directory.resolve("state").toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("aplysia-device: error: this machine cannot run the pi4j board: not a"
                + " Raspberry Pi: /proc/device-tree/model does not exist"), err.toString());
        assertFalse(err.toString().contains("No gpio chip"), err.toString());
    }
}
