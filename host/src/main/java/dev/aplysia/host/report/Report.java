package dev.aplysia.host.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A written report: its directory and the files written into it, in the order written. Figures whose experiment had
 * no data are not drawn and so are not listed.
 *
 * @param directory the report's directory
 * @param files     every file written, each inside {@code directory}
 */
public record Report(Path directory, List<Path> files) {

    public Report {
        files = List.copyOf(files);
    }
}
