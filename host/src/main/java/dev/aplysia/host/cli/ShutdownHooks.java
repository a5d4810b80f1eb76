package dev.aplysia.host.cli;

/** Removing a shutdown hook that may already be running. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Removes {@code hook}, unless the JVM is already shutting down (the hook then runs, as it should). */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running or about to, and does what the caller's own path would have done.
        }
    }
}
