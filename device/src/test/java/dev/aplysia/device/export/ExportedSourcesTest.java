package dev.aplysia.device.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged C sources' index lists exactly the files of {@code src/main/c}, and each resource is that file. */
class ExportedSourcesTest {

    private static final Path TREE = Path.of("src", "main", "c");

    @Test
    void theIndexListsEveryHandWrittenCFileInOrder() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(TREE)) {
            files = walk.filter(Files::isRegularFile).map(file -> TREE.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !path.equals(CSources.INDEX)).sorted().toList();
        }
        assertEquals(files, CSources.paths(), "regenerate " + TREE.resolve(CSources.INDEX) + " (sorted, one a line)");
    }

    @Test
    void everyPackagedSourceIsTheCommittedFile() throws IOException {
        for (String path : CSources.paths()) {
            assertArrayEquals(Files.readAllBytes(TREE.resolve(path)), CSources.bytes(path), path);
        }
    }
}
