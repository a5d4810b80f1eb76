package dev.aplysia.device.golden;

import dev.aplysia.fixtures.golden.GoldenVector;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the golden vectors of {@link GoldenScenarios}: per tick, the core's raw intermediate values, under a
 * provenance header (this generator, the seed, the spec in one line, tolerance 0, the unit of every column).
 *
 * <p>Regenerate from the repository root after changing a scenario or the core, and commit the result:
 * <pre>
 * ./mvnw -q -o -pl device -am install -DskipTests &amp;&amp; ./mvnw -q -o -pl device test-compile
 * java -cp device/target/test-classes:device/target/classes:hal/target/classes:fixtures/target/classes \
 *     dev.aplysia.device.golden.GoldenVectorGenerator fixtures/src/main/resources/dev/aplysia/fixtures/golden
 * </pre>
 * then reinstall {@code fixtures} so the device tests read the new files. The tests fail until the committed files
 * equal this generator's output byte for byte.
 */
public final class GoldenVectorGenerator {

    /** Where the vectors live, relative to the repository root. */
    private static final Path DEFAULT_DIRECTORY = Path.of("fixtures/src/main/resources/dev/aplysia/fixtures/golden");

    private GoldenVectorGenerator() {
    }

    /** Writes every scenario's vector as {@code <name>.csv} into {@code args[0]} (default: the fixtures folder). */
    public static void main(String[] args) throws IOException {
        Path directory = args.length > 0 ? Path.of(args[0]) : DEFAULT_DIRECTORY;
        Files.createDirectories(directory);
        for (GoldenScenario scenario : GoldenScenarios.all()) {
            Path file = directory.resolve(scenario.name() + ".csv");
            Files.writeString(file, text(generate(scenario)), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }

    /** The golden vector of one scenario, run on the core. */
    static GoldenVector generate(GoldenScenario scenario) {
        List<Column> columns = scenario.columns();
        GoldenVector.Builder builder = GoldenVector.builder(scenario.name())
                .header("generator", GoldenVectorGenerator.class.getName())
                .header("seed", Long.toString(scenario.spec().seed()))
                .header("spec", scenario.description())
                .header("tolerance", "0")
                .header("units", columns.stream().map(c -> c.name() + ": " + c.unit())
                        .collect(Collectors.joining("; ")))
                .columns(columns.stream().map(Column::name).toArray(String[]::new));
        for (long[] row : scenario.runCore()) {
            builder.row(row);
        }
        return builder.build();
    }

    /** The vector in its text format. */
    static String text(GoldenVector vector) {
        StringWriter out = new StringWriter();
        try {
            vector.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
