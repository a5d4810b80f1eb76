package dev.aplysia.host.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.host.experiment.ComparisonReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code summary.json}: the whole {@link ComparisonReport}, pretty-printed with snake_case keys, preceded by
 * {@code "schema": 1}, {@code "generator"} and the {@link RunMetadata} as {@code "run"}. The fields are documented in
 * {@code docs/report.md}; the schema number is bumped on any change that would break a reader.
 */
final class SummaryJson {

    static final int SCHEMA = 1;
    static final String GENERATOR = "aplysia " + DeviceMeta.FIRMWARE_VERSION;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static void write(ComparisonReport report, RunMetadata run, Path file) throws IOException {
        ObjectNode summary = MAPPER.createObjectNode().put("schema", SCHEMA).put("generator", GENERATOR);
        summary.set("run", MAPPER.valueToTree(run));
        summary.setAll((ObjectNode) MAPPER.valueToTree(report));
        MAPPER.writeValue(file.toFile(), summary);
    }
}
