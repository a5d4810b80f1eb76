package dev.aplysia.device.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A C project {@code aplysia export c} writes for one network: the packaged sources, the network's generated tables
 * in {@code network/} and its check's data in {@code check/}, whose runner prints {@link #transcript()} line for line
 * and then {@code N passed, 0 failed}, N being the transcript's compared lines.
 */
public interface CProject {

    /** The network's name, as {@code --network} takes it and the JSON line's {@code network} field reports it. */
    String network();

    /** The Java run's transcript, line for line what the C runner prints before its pass line. */
    List<String> transcript();

    /** The operations the Java core counted in the run. */
    long operations();

    /** Writes the project into {@code folder}, creating it if needed. */
    void write(Path folder) throws IOException;
}
