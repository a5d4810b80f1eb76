package dev.aplysia.host.experiment;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.Arena;
import dev.aplysia.hal.world.RobotSpec;
import dev.aplysia.hal.world.World;
import dev.aplysia.host.agent.BraitenbergAvoider;
import dev.aplysia.host.agent.DqnAgent;
import dev.aplysia.host.agent.DqnConfig;
import dev.aplysia.host.agent.ExploringAgent;
import dev.aplysia.host.agent.RandomPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The closed-loop comparison in the simulated world: on each seed, the same world (board, robot, arenas, sensor
 * noise) is driven by the device (the reward robot's firmware, {@link DeviceOnWorld}), the DQN agent ("backprop"),
 * the random policy, the Braitenberg avoider, and the avoider exploring as the device does ({@link ExploringAgent};
 * all {@link AgentOnWorld}), for the same simulated time at the same
 * decision period. Each run stays {@code minutes} in the first arena, {@code minutes} in the second, then
 * {@code minutes} in the first again, learning throughout; contacts, the time spent pushing on something and forward
 * progress are counted per minute.
 * Seeds run in parallel, one world per run, so the figures do not depend on the thread count.
 */
public final class WorldComparison {

    /** The policies, in report order. */
    public static final List<String> POLICIES = List.of("device", "backprop", "random", "braitenberg",
            "braitenberg-exploring");
    /** Stays in an arena: the first arena, the second, the first again. */
    public static final int STAYS = 3;
    /** The share of the run at its end over which the headline figures are averaged. */
    public static final double LAST_SHARE = 0.1;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private WorldComparison() {
    }

    /**
     * What to run.
     *
     * @param board   the reward robot's board config (every policy drives the same channels)
     * @param robot   the body and sensors in the world
     * @param first   the arena of the first and last stays
     * @param second  the arena of the middle stay
     * @param minutes simulated minutes of each stay, at least 1
     * @param seeds   the seeds, one world per seed and policy
     * @param profile the MCU whose cost the device's ticks are charged
     * @param threads runs at once, at least 1
     */
    public record Plan(BoardConfig board, RobotSpec robot, Arena first, Arena second, int minutes, List<Long> seeds,
                       McuProfile profile, int threads, DeviceLinks links) {

        /** Checks the counts. */
        public Plan {
            seeds = List.copyOf(seeds);
            if (minutes < 1 || seeds.isEmpty() || threads < 1) {
                throw new IllegalArgumentException("need minutes >= 1, a seed and a thread");
            }
        }

        /** Minutes of experience in a run: every stay. */
        public int experienceMinutes() {
            return STAYS * minutes;
        }

        /** The first minute of the last {@link #LAST_SHARE} of a run (at least its last minute). */
        public int lastShareFrom() {
            return experienceMinutes() - Math.max(1, (int) Math.round(experienceMinutes() * LAST_SHARE));
        }
    }

    /** Every run of {@code plan}, by seed then policy in {@link #POLICIES} order, and the wall time. */
    public record Result(Plan plan, List<WorldRun> runs, long wallMs) {

        /** The runs of {@code policy}, by seed. */
        public List<WorldRun> of(String policy) {
            return runs.stream().filter(run -> run.policy().equals(policy)).toList();
        }

        /** The run of {@code policy} on {@code seed}. */
        public WorldRun of(String policy, long seed) {
            return runs.stream().filter(run -> run.policy().equals(policy) && run.seed() == seed).findFirst()
                    .orElseThrow();
        }
    }

    /** Runs {@code plan}, reporting each finished run to {@code progress}. */
    public static Result run(Plan plan, Consumer<String> progress) throws HalException, InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads());
        try {
            List<Future<WorldRun>> futures = new ArrayList<>();
            for (long seed : plan.seeds()) {
                for (String policy : POLICIES) {
                    futures.add(pool.submit(() -> drive(plan, policy, seed)));
                }
            }
            List<WorldRun> runs = new ArrayList<>();
            for (Future<WorldRun> future : futures) {
                WorldRun run = await(future);
                runs.add(run);
                progress.accept(String.format("world: %s, seed %d done (%d/%d)", run.policy(), run.seed(),
                        runs.size(), futures.size()));
            }
            return new Result(plan, List.copyOf(runs), (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static WorldRun await(Future<WorldRun> future) throws HalException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HalException hal) {
                throw hal;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One policy's run on one seed's world. */
    static WorldRun drive(Plan plan, String policy, long seed) throws HalException {
        World world = World.of(plan.board(), plan.robot(), plan.first(), seed);
        try (WorldPolicy driver = policy(plan, policy, world, seed)) {
            return drive(plan, policy, seed, world, driver);
        }
    }

    private static WorldRun drive(Plan plan, String policy, long seed, World world, WorldPolicy driver)
            throws HalException {
        double[] collisions = new double[plan.experienceMinutes()];
        double[] distance = new double[plan.experienceMinutes()];
        double[] contact = new double[plan.experienceMinutes()];
        WorldRun.Path early = null;
        WorldRun.Path late = null;
        for (int m = 0; m < collisions.length; m++) {
            enterStay(plan, world, m);
            long from = world.simulatedNanos();
            driver.driveFor(MINUTE_NANOS);
            double minutes = (world.simulatedNanos() - from) / (double) MINUTE_NANOS;
            collisions[m] = world.collisions().size() / minutes;
            distance[m] = world.forwardMm() / minutes;
            contact[m] = world.contactNanos() / (minutes * MINUTE_NANOS);
            if (m == 0) {
                early = WorldRun.Path.of(world.trajectory(), world.collisions());
            }
            if (m == plan.minutes() - 1) {
                late = WorldRun.Path.of(world.trajectory(), world.collisions());
            }
        }
        return new WorldRun(policy, seed, collisions, distance, contact, driver.stateBytes(),
                driver.operationsPerDecision(), driver.tickLoad(), early, late);
    }

    /** Moves to the stay's arena at its first minute, then opens a fresh measurement window. */
    private static void enterStay(Plan plan, World world, int minute) throws HalException {
        if (minute == plan.minutes()) {
            world.useArena(plan.second());
        } else if (minute == 2 * plan.minutes()) {
            world.useArena(plan.first());
        }
        world.clearObservations();
    }

    private static BraitenbergAvoider avoider(Plan plan) {
        return new BraitenbergAvoider(AgentOnWorld.geometry(plan.robot()));
    }

    private static WorldPolicy policy(Plan plan, String policy, World world, long seed) throws HalException {
        int sonars = plan.robot().sonars().size();
        return switch (policy) {
            case "device" -> new DeviceOnWorld(world, plan.board(), plan.profile(), seed, plan.links());
            case "backprop" -> new AgentOnWorld(policy, new DqnAgent(sonars, 0, DqnConfig.defaults(), seed), world);
            case "random" -> new AgentOnWorld(policy, new RandomPolicy(seed), world);
            case "braitenberg" -> new AgentOnWorld(policy, avoider(plan), world);
            case "braitenberg-exploring" -> new AgentOnWorld(policy, new ExploringAgent(avoider(plan), seed), world);
            default -> throw new IllegalArgumentException("no policy " + policy);
        };
    }
}
