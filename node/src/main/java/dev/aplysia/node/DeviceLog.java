package dev.aplysia.node;

import org.slf4j.LoggerFactory;

/**
 * The libraries' diagnostic log (Pi4J's above all): SLF4J through slf4j-simple to stderr, where journald keeps it.
 * {@code simplelogger.properties} sets warnings only; {@link #verbose} lowers the level to debug.
 */
final class DeviceLog {

    /** The slf4j-simple system property for the default level; it takes precedence over the properties file. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private DeviceLog() {
    }

    /**
     * Logs everything from debug level up, then says so with the JVM this runs on. slf4j-simple reads its level once,
     * when the first logger is made, so this must run before any library logs: picocli calls it while parsing.
     */
    static void verbose() {
        System.setProperty(LEVEL_PROPERTY, "debug");
        Runtime runtime = Runtime.getRuntime();
        LoggerFactory.getLogger(DeviceMain.class).debug("debug log on; Java {} ({}), max heap {} MiB, {} CPUs, {} {}",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                runtime.maxMemory() >> 20, runtime.availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
