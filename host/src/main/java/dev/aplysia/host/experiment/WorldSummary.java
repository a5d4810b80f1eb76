package dev.aplysia.host.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The figures of a {@link WorldComparison}, over its seeds (mean, sd, 95 % interval), one entry per policy, and
 * whether the device meets the floors.
 *
 * @param minutes           simulated minutes of each stay in an arena
 * @param experienceMinutes minutes of a whole run (every stay)
 * @param lastMinutes       the minutes the {@code _last_10pct} figures average, at the end of the run
 * @param seeds             the seeds
 * @param first             the first arena's file
 * @param second            the second arena's file
 * @param profile           the MCU the device's ticks are charged on
 * @param device            the reward robot's firmware
 * @param backprop          the DQN agent
 * @param random            the random policy
 * @param braitenberg       the Braitenberg avoider
 * @param braitenbergExploring the Braitenberg avoider exploring on the device's schedule ({@code ExploringAgent})
 * @param floors            the device against the floors
 * @param deviceTickLoad    the device's tick load on {@code profile}
 * @param wallMs            the comparison's wall time
 */
public record WorldSummary(int minutes, int experienceMinutes, int lastMinutes, List<Long> seeds, String first,
                           String second, String profile, Policy device, Policy backprop, Policy random,
                           Policy braitenberg, Policy braitenbergExploring, Floors floors,
                           DeviceTickLoad deviceTickLoad, long wallMs) {

    /** The share of the last 10 % in contact from which a seed counts as pinned: half. */
    public static final double PINNED = 0.5;

    /**
     * One policy's figures. Contacts and forward progress are per simulated minute, the contact share the time spent
     * pushing on something, and {@code pinnedSeeds} the seeds that spent at least {@link #PINNED} of the last 10 % in
     * contact (a mean and sd over seeds hide a robot stuck at a wall); the {@code _back} figures are the
     * first minute back in the first arena after the second, beside the last minute of the first stay
     * ({@code _first_stay_end}); competence is {@link Competence}'s, in the first stay ({@code minutes_to_competence})
     * and after the return ({@code recovery_minutes}), over the seeds that reached it ({@code null} when none did).
     */
    public record Policy(String name,
                         @JsonProperty("collisions_per_min_last_10pct") SeedSummary collisionsPerMinLast10pct,
                         @JsonProperty("distance_per_min_last_10pct") SeedSummary distancePerMinLast10pct,
                         @JsonProperty("contact_share_last_10pct") SeedSummary contactShareLast10pct,
                         int pinnedSeeds,
                         SeedSummary collisionsPerMinFirstStayEnd, SeedSummary distancePerMinFirstStayEnd,
                         SeedSummary collisionsPerMinBack, SeedSummary distancePerMinBack,
                         SeedSummary minutesToCompetence, int competentSeeds, SeedSummary recoveryMinutes,
                         int recoveredSeeds, long stateBytes, double operationsPerDecision,
                         double[] collisionsCurve, double[] distanceCurve) {
    }

    /**
     * The device against the floors, on the {@code _last_10pct} means: contacts at most
     * {@link Competence#COLLISIONS_OF_RANDOM} of the random policy's, forward progress at least
     * {@link Competence#DISTANCE_OF_BRAITENBERG} of the Braitenberg avoider's. {@code deviceContactShare} beside
     * them: a robot pinned to a wall collides once however long it pushes, so few collisions can mean stuck; and
     * {@code exploringAvoiderCollisionsOfRandom}, the exploring avoider's contacts over the random policy's: what the
     * collision floor asks of a policy that already avoids but explores as a learner must.
     */
    public record Floors(double collisionsOfRandom, boolean collisionsMet, double distanceOfBraitenberg,
                         boolean distanceMet, double deviceContactShare, double exploringAvoiderCollisionsOfRandom) {
    }

    /**
     * The device's firmware on its MCU profile over the whole run, each tick's estimated time as a share of its
     * period: the mean tick's and the share of ticks over their period over seeds, and the busiest tick of any seed.
     * A tick over its period delays the world's clock, so the figures above already pay for it.
     */
    public record DeviceTickLoad(SeedSummary mean, double peak, SeedSummary overrunShare) {
    }

    /** The summary of {@code result}. */
    public static WorldSummary of(WorldComparison.Result result) {
        WorldComparison.Plan plan = result.plan();
        Policy device = policy(result, "device");
        Policy random = policy(result, "random");
        Policy braitenberg = policy(result, "braitenberg");
        Policy exploring = policy(result, "braitenberg-exploring");
        double randomCollisions = random.collisionsPerMinLast10pct().mean();
        double collisions = device.collisionsPerMinLast10pct().mean() / randomCollisions;
        double distance = device.distancePerMinLast10pct().mean() / braitenberg.distancePerMinLast10pct().mean();
        Floors floors = new Floors(collisions, collisions <= Competence.COLLISIONS_OF_RANDOM, distance,
                distance >= Competence.DISTANCE_OF_BRAITENBERG, device.contactShareLast10pct().mean(),
                exploring.collisionsPerMinLast10pct().mean() / randomCollisions);
        return new WorldSummary(plan.minutes(), plan.experienceMinutes(),
                plan.experienceMinutes() - plan.lastShareFrom(), plan.seeds(), plan.first().source(),
                plan.second().source(), plan.profile().id(), device, policy(result, "backprop"), random, braitenberg,
                exploring, floors, deviceTickLoad(result.of("device")), result.wallMs());
    }

    private static DeviceTickLoad deviceTickLoad(List<WorldRun> runs) {
        List<TickLoad> loads = runs.stream().map(run -> run.tickLoad().orElseThrow()).toList();
        return new DeviceTickLoad(SeedSummary.of(loads.stream().mapToDouble(TickLoad::mean).toArray()),
                loads.stream().mapToDouble(TickLoad::peak).max().orElseThrow(),
                SeedSummary.of(loads.stream().mapToDouble(TickLoad::overrunShare).toArray()));
    }

    private static Policy policy(WorldComparison.Result result, String name) {
        WorldComparison.Plan plan = result.plan();
        List<WorldRun> runs = result.of(name);
        int m = plan.minutes();
        int end = plan.experienceMinutes();
        int last = plan.lastShareFrom();
        double[] reach = competence(result, runs, 0, m);
        double[] recovery = competence(result, runs, 2 * m, end);
        return new Policy(name, over(runs, r -> r.collisionsPerMinute(last, end)),
                over(runs, r -> r.distancePerMinute(last, end)), over(runs, r -> r.contactShare(last, end)),
                (int) runs.stream().filter(r -> r.contactShare(last, end) >= PINNED).count(),
                over(runs, r -> r.collisionsPerMinute(m - 1, m)), over(runs, r -> r.distancePerMinute(m - 1, m)),
                over(runs, r -> r.collisionsPerMinute(2 * m, 2 * m + 1)),
                over(runs, r -> r.distancePerMinute(2 * m, 2 * m + 1)),
                reach.length == 0 ? null : SeedSummary.of(reach), reach.length,
                recovery.length == 0 ? null : SeedSummary.of(recovery), recovery.length,
                runs.get(0).stateBytes(), runs.stream().mapToDouble(WorldRun::operationsPerDecision).max().orElseThrow(),
                curve(runs, WorldRun::collisionsPerMinute), curve(runs, WorldRun::distancePerMinute));
    }

    /** Per seed that reached competence within minutes {@code from..to-1}, the experience it needed. */
    private static double[] competence(WorldComparison.Result result, List<WorldRun> runs, int from, int to) {
        return runs.stream().mapToDouble(run -> Competence.of(result.of("random", run.seed()),
                result.of("braitenberg", run.seed()), from, to).minutesToReach(run, from, to))
                .filter(minutes -> minutes >= 0).toArray();
    }

    private static SeedSummary over(List<WorldRun> runs, ToDoubleFunction<WorldRun> figure) {
        return SeedSummary.of(runs.stream().mapToDouble(figure).toArray());
    }

    private static double[] curve(List<WorldRun> runs, Function<WorldRun, double[]> perMinute) {
        int minutes = runs.get(0).minutes();
        return IntStream.range(0, minutes)
                .mapToDouble(m -> runs.stream().mapToDouble(run -> perMinute.apply(run)[m]).average().orElseThrow())
                .toArray();
    }

}
