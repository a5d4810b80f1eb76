package dev.aplysia.device.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The C core's committed formats header is the one the Java constants give. */
class CFormatsTest {

    /** Regenerates the header: {@code CFormatsTest.main(core folder)}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0], CFormats.FILE), CFormats.header(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedHeaderEqualsTheGeneratedOne() throws IOException {
        Path committed = Path.of("src", "main", "c", "core", CFormats.FILE);
        assertEquals(CFormats.header(), Files.readString(committed, StandardCharsets.UTF_8),
                committed + " is stale: regenerate it with CFormatsTest.main");
    }
}
