package dev.aplysia.device.firmware;

import dev.aplysia.device.core.OpCounters;
import dev.aplysia.device.model.McuProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every tick costed on the firmware's own MCU profile and on every other known one, so that one simulated run says
 * what each target would make of it: per profile, the ticks' estimated share of their period ({@link TickUtilisation})
 * and the ticks over it. The own profile comes first; it is the one whose time the runner charges to the clock.
 * Allocation-free per tick; written by the tick thread.
 */
public final class McuLoad {

    private final McuProfile[] profiles;
    private final long[] periodCycles;
    private final TickUtilisation[] utilisations;

    /** The load of ticks of {@code tickNanos} on {@code own} and on every other profile of {@link McuProfile#all()}. */
    McuLoad(McuProfile own, long tickNanos) {
        List<McuProfile> all = new ArrayList<>(List.of(own));
        Arrays.stream(McuProfile.all()).filter(p -> !p.id().equals(own.id())).forEach(all::add);
        profiles = all.toArray(McuProfile[]::new);
        periodCycles = all.stream().mapToLong(p -> p.cyclesPerTick(tickNanos)).toArray();
        utilisations = all.stream().map(p -> new TickUtilisation()).toArray(TickUtilisation[]::new);
    }

    /** Costs the work counted between {@code before} and {@code after} as one tick; returns its own cycles. */
    long record(OpCounters before, OpCounters after) {
        long own = 0;
        for (int k = 0; k < profiles.length; k++) {
            long cycles = profiles[k].costs().cycles(before, after);
            utilisations[k].record(cycles, periodCycles[k]);
            if (k == 0) {
                own = cycles;
            }
        }
        return own;
    }

    /** The own profile's cycles in one tick period. */
    long ownPeriodCycles() {
        return periodCycles[0];
    }

    /** The profiles costed, the firmware's own first. */
    public List<McuProfile> profiles() {
        return List.of(profiles);
    }

    /** The ticks' utilisation on the firmware's own profile. */
    public TickUtilisation utilisation() {
        return utilisations[0];
    }

    /**
     * One profile's figures: its id, where its costs come from, the busiest and the 99th-percentile tick's share of
     * the period, the mean share, and the ticks over the period.
     */
    public record Summary(String profile, String costs, double peak, double p99, double mean, long overruns) {
    }

    /** The figures of every profile costed, the firmware's own first. */
    public List<Summary> summaries() {
        List<Summary> summaries = new ArrayList<>();
        for (int k = 0; k < profiles.length; k++) {
            TickUtilisation u = utilisations[k];
            summaries.add(new Summary(profiles[k].id(), profiles[k].costs().describe(), u.peak(), u.p99(), u.mean(),
                    u.overruns()));
        }
        return summaries;
    }

    /**
     * A text table of {@code summaries}: one line per profile with the peak, 99th-percentile and mean tick
     * utilisation, the overruns and where the costs come from; {@code what} names the ticks.
     */
    public static String table(List<Summary> summaries, String what) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "  MCU tick utilisation (estimated, %s): profile, peak, p99, mean, overruns%n", what));
        for (Summary m : summaries) {
            s.append(String.format(Locale.ROOT, "    %-10s %8.1f %% %8.1f %% %7.1f %% %,10d   %s%n", m.profile(),
                    100 * m.peak(), 100 * m.p99(), 100 * m.mean(), m.overruns(), m.costs()));
        }
        return s.toString();
    }

    /** The ticks' utilisation on {@code profile}, one of {@link #profiles()}. */
    public TickUtilisation utilisation(McuProfile profile) {
        for (int k = 0; k < profiles.length; k++) {
            if (profiles[k].id().equals(profile.id())) {
                return utilisations[k];
            }
        }
        throw new IllegalArgumentException("profile " + profile.id() + " is not costed here; costed: "
                + profiles().stream().map(McuProfile::id).toList());
    }
}
