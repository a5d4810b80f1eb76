package dev.aplysia.device.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.RequiredPackage;
import dev.aplysia.device.core.Kernels;
import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.RandomSpecs;
import dev.aplysia.device.export.CGoldenSource;
import dev.aplysia.device.export.CNetworkTables;
import dev.aplysia.device.export.CSnapshotTables;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.persist.SnapshotCodec;
import dev.aplysia.device.persist.SnapshotException;
import dev.aplysia.device.protocol.Song2000;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots cross between the Java core and the C core ({@code snapshot.c}) byte for byte: a snapshot Java saved
 * after N ticks loads in C, which runs M more and saves the same bytes as Java after N + M uninterrupted ticks; a
 * snapshot C saved loads in Java, and both continue to the same bytes; C refuses a corrupted snapshot and a crafted
 * out-of-range value, naming the section, with its state untouched. Built strict and under the sanitizers.
 */
class CSnapshotCrossoverTest {

    private static final Path FOLDER = Path.of("target", "c-snapshot");
    private static final List<String> BINARIES = List.of("crossover-strict", "crossover-sanitized");
    private static final String SANITIZED = BINARIES.get(1);
    private static final int BAD_CHECKSUM = 3;
    private static final int BAD_VALUE = 7;

    /** A network, its stimulus, and where the snapshot is taken (N) and how far both go on (M). */
    private record Case(String name, NetworkSpec spec, Stimulus stimulus, int before, int after) {

        GoldenScenario scenario() {
            return new GoldenScenario(name, name, spec, before + after, stimulus, List.of());
        }
    }

    private static List<Case> cases;
    private static HostGcc gcc;

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        RequiredPackage.require(HostGcc.available(), "gcc is not installed: skipping the C snapshot crossover test");
        cases = List.of(randomEventDriven(), new Case("song2000", Song2000.spec(1), (t, drive) -> { }, 700, 600));
        gcc = new HostGcc(FOLDER);
        gcc.copy(HostGcc.CORE);
        gcc.copy(HostGcc.GOLDENS, "golden.h", "golden_actions.c");
        gcc.copy(HostGcc.RUNNERS, "crossover.h", "snapshot_runner.c");
        StringBuilder index = new StringBuilder("#include \"crossover.h\"\n\n");
        for (Case c : cases) {
            gcc.write("crossover_" + c.name() + ".c", source(c));
            index.append("extern const crossover_case crossover_").append(c.name()).append(";\n");
        }
        index.append("\nconst crossover_case *const crossover_cases[] = {\n");
        cases.forEach(c -> index.append("    &crossover_").append(c.name()).append(",\n"));
        index.append("};\n\nconst int32_t crossover_case_count = ").append(cases.size()).append(";\n");
        gcc.write("crossover_cases.c", index.toString());
        for (String binary : BINARIES) {
            HostGcc.Result compiled = gcc.compile(binary, binary.equals(SANITIZED));
            assertEquals(0, compiled.exit(), "gcc:\n" + compiled.output());
        }
    }

    @Test
    void aJavaSnapshotContinuesInCBitForBit() throws IOException, InterruptedException {
        for (String binary : BINARIES) {
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                Network java = network(c.spec());
                run(java, c, c.before());
                byte[] snapshot = SnapshotCodec.encode(java);
                Path saved = write(c.name() + "-java-" + c.before(), snapshot);
                run(java, c, 1);
                byte[] next = SnapshotCodec.encode(java);
                run(java, c, c.after() - 1);

                byte[] reloaded = runC(binary, k, "load", saved.toString(), "save", "c-reloaded.bin");
                byte[] stepped = runC(binary, k, "load", saved.toString(), "run", "1", "save", "c-stepped.bin");
                byte[] continued = runC(binary, k, "load", saved.toString(), "run", "" + c.after(), "save",
                        "c-continued.bin");

                assertArrayEquals(snapshot, reloaded, binary + ", " + c.name() + ": loaded and saved at once");
                assertArrayEquals(next, stepped, binary + ", " + c.name() + ": one tick on");
                assertArrayEquals(SnapshotCodec.encode(java), continued, binary + ", " + c.name());
            }
        }
    }

    @Test
    void aCSnapshotContinuesInJavaBitForBit() throws IOException, InterruptedException, SnapshotException {
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            byte[] saved = runC(SANITIZED, k, "run", "" + c.before(), "save", "c-saved.bin");
            byte[] continued = runC(SANITIZED, k, "run", "" + c.before(), "run", "" + c.after(), "save",
                    "c-continued.bin");
            Network java = network(c.spec());

            SnapshotCodec.decode(java, saved);
            run(java, c, c.after());

            assertArrayEquals(continued, SnapshotCodec.encode(java), c.name());
        }
    }

    @Test
    void cRefusesAFlippedByteLeavingItsStateUntouched() throws IOException, InterruptedException {
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            byte[] later = javaSnapshot(c, c.before() + c.after());
            later[later.length / 2] ^= 0x10;

            HostGcc.Result ran = refuse(k, c, later);

            assertTrue(ran.output().contains("refused " + BAD_CHECKSUM + " section -1 index -1: checksum mismatch"),
                    c.name() + ": " + ran.output());
        }
    }

    @Test
    void cRefusesAnOutOfRangeValueNamingTheSectionLeavingItsStateUntouched() throws Exception {
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            PopulationSpec neurons = c.spec().populations().stream().filter(p -> !p.isInput()).findFirst()
                    .orElseThrow();
            String section = neurons.name() + ".refractory";
            int beyond = neurons.neuron().refractoryTicks() + 1;
            byte[] later = javaSnapshot(c, c.before() + c.after());
            ByteBuffer.wrap(later).putShort(valueOffset(later, section), (short) beyond);
            rechecksum(later);

            HostGcc.Result ran = refuse(k, c, later);

            assertTrue(ran.output().contains("index 0: section " + section + ": [0] = " + beyond + " is outside"),
                    c.name() + ": " + ran.output());
            assertTrue(ran.output().contains("refused " + BAD_VALUE + " section "), ran.output());
            SnapshotException java = assertThrows(SnapshotException.class,
                    () -> SnapshotCodec.decode(network(c.spec()), later));
            assertTrue(java.getMessage().contains("section " + section + ": [0] = " + beyond), java.getMessage());
        }
    }

    /** C runs N ticks, is offered {@code snapshot}, saves: its state must be still Java's after N ticks. */
    private static HostGcc.Result refuse(int k, Case c, byte[] snapshot) throws IOException, InterruptedException {
        Path bad = write(c.name() + "-damaged", snapshot);
        HostGcc.Result ran = gcc.execute(SANITIZED, "" + k, "run", "" + c.before(), "load", bad.toString(), "save",
                "c-refused.bin");
        assertEquals(0, ran.exit(), ran.output());
        assertArrayEquals(javaSnapshot(c, c.before()), Files.readAllBytes(FOLDER.resolve("c-refused.bin")),
                c.name() + ": the refused snapshot changed the state");
        return ran;
    }

    /** The first random network (RandomSpecs, with everything) that has an event-driven trace. */
    private static Case randomEventDriven() {
        for (int seed = 1; ; seed++) {
            SplittableRandom random = new SplittableRandom(2000 + seed);
            NetworkSpec spec = RandomSpecs.network(random, seed, true, 10, 6);
            if (spec.populations().stream().anyMatch(p -> p.trace().eventDriven())) {
                return new Case("random" + seed, spec, randomStimulus(random, spec.population("in").size(), 120),
                        60, 60);
            }
        }
    }

    /** Random input spikes every tick, an occasional modulator change and activity reset. */
    private static Stimulus randomStimulus(SplittableRandom random, int inputs, int ticks) {
        double chance = 0.1 + 0.8 * random.nextDouble();
        List<int[]> spikes = new ArrayList<>();
        double[] modulator = new double[ticks + 1];
        boolean[] reset = new boolean[ticks + 1];
        for (int t = 0; t <= ticks; t++) {
            spikes.add(IntStream.range(0, inputs).filter(i -> random.nextDouble() < chance).toArray());
            modulator[t] = random.nextInt(6) == 0 ? random.nextDouble() * 4 - 2 : Double.NaN;
            reset[t] = random.nextInt(30) == 0;
        }
        return (t, drive) -> {
            if (reset[t]) {
                drive.resetActivity();
            }
            drive.spikes("in", spikes.get(t));
            if (!Double.isNaN(modulator[t])) {
                drive.modulator(modulator[t]);
            }
        };
    }

    private static String source(Case c) {
        String symbol = "crossover_" + c.name();
        StringBuilder source = new StringBuilder(CNetworkTables.source(c.spec(), network(c.spec()),
                symbol + "_network"));
        source.append('\n').append(CSnapshotTables.source(network(c.spec()), symbol + "_layout"));
        source.append("\n#include \"crossover.h\"\n");
        List<RecordedStimulus.Action> actions = RecordedStimulus.of(c.scenario()).actions();
        CGoldenSource.writeActions(source, symbol, c.spec(), actions);
        source.append("\nconst crossover_case ").append(symbol).append(" = {\"").append(c.name()).append("\", &")
                .append(symbol).append("_network, &").append(symbol).append("_layout, ")
                .append(actions.isEmpty() ? "NULL" : symbol + "_actions").append(", ").append(actions.size())
                .append("};\n");
        return source.toString();
    }

    private static Network network(NetworkSpec spec) {
        return Network.build(spec, McuProfile.RP2040, Kernels.REFERENCE);
    }

    /** Runs {@code ticks} ticks of the case's stimulus from the network's tick on. */
    private static void run(Network network, Case c, int ticks) {
        Drive drive = Drive.of(network);
        for (int k = 0; k < ticks; k++) {
            c.stimulus().before((int) network.tick() + 1, drive);
            network.step();
        }
    }

    private static byte[] javaSnapshot(Case c, int ticks) {
        Network java = network(c.spec());
        run(java, c, ticks);
        return SnapshotCodec.encode(java);
    }

    private static byte[] runC(String binary, int k, String... commands) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("" + k));
        arguments.addAll(List.of(commands));
        HostGcc.Result ran = gcc.execute(binary, arguments.toArray(String[]::new));
        assertEquals(0, ran.exit(), ran.output());
        assertTrue(ran.output().isEmpty(), ran.output());
        return Files.readAllBytes(FOLDER.resolve(commands[commands.length - 1]));
    }

    private static Path write(String name, byte[] snapshot) throws IOException {
        Path file = Path.of(name + ".bin");
        Files.write(FOLDER.resolve(file), snapshot);
        return file;
    }

    /** Where the first value of {@code section} starts, walking the format's identity and section headers. */
    private static int valueOffset(byte[] snapshot, String section) {
        ByteBuffer in = ByteBuffer.wrap(snapshot).position(24);
        int fields = in.getShort() & 0xFFFF;
        for (int f = 0; f < 2 * fields; f++) {
            int length = in.getShort() & 0xFFFF;
            in.position(in.position() + length);
        }
        int sections = in.getInt();
        for (int s = 0; s < sections; s++) {
            byte[] name = new byte[in.getShort() & 0xFFFF];
            in.get(name);
            int kind = in.get();
            int count = in.getInt();
            if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).equals(section)) {
                return in.position();
            }
            in.position(in.position() + kind * count);
        }
        throw new IllegalArgumentException("no section " + section);
    }

    private static void rechecksum(byte[] snapshot) {
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, snapshot.length - 4);
        ByteBuffer.wrap(snapshot).putInt(snapshot.length - 4, (int) crc.getValue());
    }
}
