package dev.aplysia.device.firmware;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.trace.TraceHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example robot board and scenario shipped in {@code examples/}, and firmware configs for them. */
final class RobotBench {

    static final Path EXAMPLES = Path.of("..", "examples");

    private RobotBench() {
    }

    static BoardConfig board() throws HalException {
        return BoardConfig.load(EXAMPLES.resolve("robot.board"));
    }

    static FirmwareConfig config(McuProfile profile) throws HalException {
        return RobotWiring.config(board(), profile, "bench", 1);
    }

    /** The trace header of a run of {@code config} on the example board, as {@code device run} writes it. */
    static TraceHeader header(FirmwareConfig config) throws HalException {
        return TraceHeader.of(DeviceMeta.FIRMWARE_VERSION, config.classifier().seed(),
                SourceText.read(EXAMPLES.resolve("robot.board")), config.runSettings());
    }

    static String text(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
