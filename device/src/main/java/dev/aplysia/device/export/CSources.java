package dev.aplysia.device.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The hand-written C sources packaged in the device jar under {@value #ROOT}: the core, the board ports, the checks'
 * runners and the exported project's {@code Makefile} and {@code README.md}, as the module's {@code src/main/c}
 * holds them. {@value #INDEX} lists them (committed; {@code ExportedSourcesTest} keeps it equal to the tree), since a
 * jar's folders cannot be listed.
 */
public final class CSources {

    /** The resource folder of the sources. */
    public static final String ROOT = "/dev/aplysia/device/c/";
    /** The index, one path relative to {@link #ROOT} a line. */
    public static final String INDEX = "sources.txt";

    private CSources() {
    }

    /** The packaged sources' paths relative to {@link #ROOT}, in the index's order. */
    public static List<String> paths() {
        return new String(bytes(INDEX), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    /** The bytes of the packaged source {@code path}. */
    public static byte[] bytes(String path) {
        try (InputStream in = CSources.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("no packaged C source " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the packaged sources whose paths pass {@code wanted} into {@code folder}, keeping their relative paths. */
    public static void copyInto(Path folder, Predicate<String> wanted) throws IOException {
        for (String path : paths().stream().filter(wanted).toList()) {
            Path target = folder.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes(path));
        }
    }
}
