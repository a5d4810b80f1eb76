package dev.aplysia.host.experiment;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Announces the phases of a run, one plain line each way: {@code "<phase>: started"} when a phase begins and
 * {@code "<phase>: done in <seconds> s"} when it ends, its wall time in seconds with two decimals.
 */
public final class Phases {

    private final Consumer<String> progress;
    private final LongSupplier nanoClock;

    /**
     * @param progress  receives each line
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     */
    public Phases(Consumer<String> progress, LongSupplier nanoClock) {
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    /** Announces that {@code name} starts, and starts its clock. */
    public Phase start(String name) {
        progress.accept(name + ": started");
        return new Phase(name, nanoClock.getAsLong());
    }

    /** A phase under way. */
    public final class Phase {

        private final String name;
        private final long startNanos;

        private Phase(String name, long startNanos) {
            this.name = name;
            this.startNanos = startNanos;
        }

        /** Announces that this phase is done, with the seconds since it started. */
        public void done() {
            double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
            progress.accept(String.format(Locale.ROOT, "%s: done in %.2f s", name, seconds));
        }
    }
}
