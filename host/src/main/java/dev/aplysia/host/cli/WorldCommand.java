package dev.aplysia.host.cli;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.reward.RewardWiring;
import dev.aplysia.device.telemetry.DeviceMeta;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.world.Arena;
import dev.aplysia.hal.world.RobotSpec;
import dev.aplysia.host.experiment.DeviceLinks;
import dev.aplysia.host.experiment.SeedSummary;
import dev.aplysia.host.experiment.WorldComparison;
import dev.aplysia.host.experiment.WorldSummary;
import dev.aplysia.host.report.WorldCharts;
import dev.aplysia.node.BrokerOptions;
import dev.aplysia.node.FirmwareLink;
import dev.aplysia.node.Profiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aplysia device world}: the reward robot's firmware beside the DQN and three baselines in the simulated world.
 */
@Command(name = "world", mixinStandardHelpOptions = true,
        description = {"Drive the robot of the simulated world with five policies on the same world seeds and the"
                + " same experience: the device (the reward robot's firmware, charged the MCU profile's tick costs),"
                + " the DQN agent (backprop), the random policy, the Braitenberg avoider, and the avoider exploring"
                + " as the device does.",
                "Each run stays --minutes in --arena, --minutes in --second-arena, then --minutes in --arena again."
                        + " Reports collisions and forward progress per minute (the last 10%% of the run), the"
                        + " experience to competence, forgetting and recovery, state bytes and operations per"
                        + " decision, mean ± sd over the seeds; writes PNG charts. Progress goes to stderr."})
final class WorldCommand implements Callable<Integer> {

    @Option(names = "--arena", defaultValue = "examples/arena-square.txt",
            description = "The first arena (default: ${DEFAULT-VALUE}).")
    Path arena;

    @Option(names = "--second-arena", defaultValue = "examples/arena-corridor.txt",
            description = "The arena of the middle stay, for forgetting (default: ${DEFAULT-VALUE}).")
    Path secondArena;

    @Option(names = "--board", defaultValue = "examples/reward-robot.board",
            description = "The reward robot's board config (default: ${DEFAULT-VALUE}).")
    Path board;

    @Option(names = "--robot", defaultValue = "examples/reward-robot.robot",
            description = "The robot's body and sensors in the world (default: ${DEFAULT-VALUE}).")
    Path robot;

    @Option(names = "--minutes", defaultValue = "10",
            description = "Simulated minutes of each stay (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--seed", defaultValue = "101", description = "The first seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "10",
            description = "Seeds, from --seed on (default: ${DEFAULT-VALUE}: the reported seeds 101-110).")
    int seeds;

    @Option(names = "--profile", defaultValue = "rp2040",
            description = "MCU profile the device is charged: rp2040, rp2350, esp32, pi-native"
                    + " (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--threads", description = "Runs at once (default: the available processors).")
    Integer threads;

    @Option(names = "--chart-dir", defaultValue = "report/world",
            description = "Where the PNG charts go (default: ${DEFAULT-VALUE}).")
    Path chartDir;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--broker", description = "Publish the device's telemetry of the first seed's run to this MQTT"
            + " broker (tcp://host:port or ssl://host:port), as device run --broker does: decisions, learning events"
            + " with their reward, health with tick utilisation. No commands are taken.")
    String brokerUrl;

    @CommandLine.Mixin
    BrokerOptions broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WorldComparison.Plan plan = plan();
        PrintWriter err = spec.commandLine().getErr();
        WorldComparison.Result result = WorldComparison.run(plan, line -> {
            err.println(line);
            err.flush();
        });
        List<Path> charts = WorldCharts.write(result, chartDir);
        err.println("world: charts " + charts);
        WorldSummary summary = WorldSummary.of(result);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonOutput.of(summary) : human(summary));
        out.flush();
        return 0;
    }

    private WorldComparison.Plan plan() throws HalException {
        if (minutes < 1) {
            throw usage("--minutes must be at least 1, got " + minutes);
        }
        if (seeds < 1) {
            throw usage("--seeds must be at least 1, got " + seeds);
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        McuProfile mcu = Profiles.parse(spec, profile);
        List<Long> seedList = LongStream.range(seed, seed + seeds).boxed().toList();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new WorldComparison.Plan(BoardConfig.load(existing("--board", board)),
                RobotSpec.load(existing("--robot", robot)), Arena.load(existing("--arena", arena)),
                Arena.load(existing("--second-arena", secondArena)), minutes, seedList, mcu, workers, links());
    }

    /** The first seed's device run reports through {@code --broker}, if given; no other run reports. */
    private DeviceLinks links() {
        if (brokerUrl == null) {
            return DeviceLinks.NONE;
        }
        BrokerOptions.requireValidUrl(spec, "--broker", brokerUrl);
        PrintWriter err = spec.commandLine().getErr();
        return (run, world, config) -> run != seed ? FirmwareLink.none()
                : FirmwareLink.open(brokerUrl, broker, null, config.deviceId(), List.of(),
                        DeviceMeta.of(RewardWiring.spec(config), config.profile()), world, err);
    }

    private Path existing(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw usage(option + ": no such file: " + file);
        }
        return file;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String human(WorldSummary s) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "closed-loop robot: %d min in %s, %d in %s, %d back; seeds %s;"
                        + " device charged on %s%n", s.minutes(), s.first(), s.minutes(), s.second(), s.minutes(),
                seedRange(s.seeds()), s.profile()));
        text.append(String.format(Locale.ROOT, "  %-21s %-16s %-20s %-28s %-13s %-16s %-20s %-13s %10s %12s%n",
                "policy", "collisions/min", "distance mm/min", "in contact", "competent at", "collisions back",
                "distance back", "recovery", "state B", "ops/decision"));
        for (WorldSummary.Policy p : List.of(s.device(), s.backprop(), s.random(), s.braitenberg(),
                s.braitenbergExploring())) {
            text.append(String.format(Locale.ROOT,
                    "  %-21s %-16s %-20s %-28s %-13s %-16s %-20s %-13s %,10d %,12.0f%n", p.name(),
                    pm(p.collisionsPerMinLast10pct(), 1), pm(p.distancePerMinLast10pct(), 0),
                    pm(p.contactShareLast10pct(), 2) + " (" + p.pinnedSeeds() + " pinned)",
                    reached(p.minutesToCompetence(), p.competentSeeds(), s.seeds().size()),
                    pm(p.collisionsPerMinBack(), 1), pm(p.distancePerMinBack(), 0),
                    reached(p.recoveryMinutes(), p.recoveredSeeds(), s.seeds().size()), p.stateBytes(),
                    p.operationsPerDecision()));
        }
        text.append(String.format(Locale.ROOT, "  collisions/min, distance/min (forward progress) and the"
                + " share of time in contact: mean ± sd over the last %d of %d minutes (pinned: seeds in contact at"
                + " least half of it); 'back': the first minute back in %s; competence: minutes of experience"
                + " before every later minute has <= 0.2 x random's collisions and >= 0.7 x Braitenberg's distance"
                + " (seeds that got there)%n", s.lastMinutes(), s.experienceMinutes(), s.first()));
        text.append(floors(s.floors()));
        text.append(tickLoad(s.profile(), s.deviceTickLoad()));
        text.append(String.format(Locale.ROOT, "  wall time %,d ms", s.wallMs()));
        return text.toString();
    }

    private static String floors(WorldSummary.Floors f) {
        return String.format(Locale.ROOT, "  floors: device collisions/min %.2f x random's (floor <= 0.2: %s);"
                        + " device distance/min %.2f x Braitenberg's (floor >= 0.7: %s); the device pushes on"
                        + " something %.0f%% of the time; the avoider exploring as the device does collides %.2f x"
                        + " random's%n", f.collisionsOfRandom(),
                f.collisionsMet() ? "met" : "missed", f.distanceOfBraitenberg(), f.distanceMet() ? "met" : "missed",
                100 * f.deviceContactShare(), f.exploringAvoiderCollisionsOfRandom());
    }

    private static String tickLoad(String profile, WorldSummary.DeviceTickLoad load) {
        return String.format(Locale.ROOT, "  the device on %s: a tick's estimated time is %s of its period on"
                + " average, %.2f at the busiest; %.1f ± %.1f %% of ticks overran it%n", profile, pm(load.mean(), 2),
                load.peak(), 100 * load.overrunShare().mean(), 100 * load.overrunShare().sd());
    }

    private static String pm(SeedSummary figure, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", figure.mean(), figure.sd());
    }

    private static String reached(SeedSummary minutes, int seeds, int of) {
        return minutes == null ? "never (0/" + of + ")"
                : String.format(Locale.ROOT, "%.1f (%d/%d)", minutes.mean(), seeds, of);
    }

    private static String seedRange(List<Long> seeds) {
        return seeds.size() == 1 ? seeds.get(0).toString() : seeds.get(0) + "-" + seeds.get(seeds.size() - 1);
    }
}
