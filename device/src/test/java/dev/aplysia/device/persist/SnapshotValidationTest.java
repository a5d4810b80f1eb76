package dev.aplysia.device.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.core.Population;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import dev.aplysia.hal.storage.MemoryStorage;
import dev.aplysia.hal.storage.Storage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Snapshots crafted with a valid checksum and one value no network could hold: each is rejected naming the field,
 * and boot falls back to the valid older snapshot.
 */
class SnapshotValidationTest {

    /** Crafts, by the field each one puts out of its declared range. */
    private static Map<String, UnaryOperator<SnapshotBytes>> crafts(Network network) {
        Population features = network.population("features");
        Population output = network.population("output");
        ProjectionSpec inputFeatures = network.projection("input-features").spec();
        ProjectionSpec featuresOutput = network.projection("features-output").spec();
        int membraneMax = (int) features.membraneFormat().maxRaw();
        int initialExcitability = (int) features.membraneFormat().toRaw(features.spec().neuron().bias());
        int refractoryTicks = output.spec().neuron().refractoryTicks();
        int modulatorMax = (int) RuleEngine.MODULATOR.maxRaw();
        int weightMax = (int) inputFeatures.weightFormat().toRaw(inputFeatures.wMax());
        int readoutMin = (int) featuresOutput.weightFormat().toRaw(featuresOutput.wMin());
        int consolidationMax = (int) RuleEngine.CONSOLIDATION.toRaw(inputFeatures.rule().maxConsolidation());
        Map<String, UnaryOperator<SnapshotBytes>> crafts = new LinkedHashMap<>();
        crafts.put("tick", s -> s.tick(-1));
        crafts.put("header tick", s -> s.headerTick(network.tick() + 5));
        crafts.put("modulator", s -> s.set("scalars", 2, modulatorMax + 1));
        crafts.put("learning switch", s -> s.set("scalars", 3, 2));
        crafts.put("features.membrane", s -> s.set("features.membrane", 0, membraneMax + 1));
        crafts.put("features.adaptation", s -> s.set("features.adaptation", 1, -1));
        crafts.put("features.excitability", s -> s.set("features.excitability", 2, initialExcitability + 1));
        crafts.put("features.refractory", s -> s.set("features.refractory", 0, -1));
        crafts.put("output.refractory", s -> s.set("output.refractory", 0, refractoryTicks + 1));
        crafts.put("input.trace", s -> s.set("input.trace", 3, -1));
        crafts.put("features.trace", s -> s.set("features.trace", 4, 2 << 24));
        crafts.put("input-features.weights", s -> s.set("input-features.weights", 0, weightMax + 1));
        crafts.put("features-output.weights", s -> s.set("features-output.weights", 5, readoutMin - 1));
        crafts.put("input-features.consolidation",
                s -> s.set("input-features.consolidation", 0, consolidationMax + 1));
        crafts.put("baselines", s -> s.set("baselines", 0, modulatorMax + 1));
        return crafts;
    }

    private static SpikingClassifier learned() {
        SpikingClassifier device = SnapshotTest.classifier(5);
        SnapshotTest.learn(device, 0, 10);
        return device;
    }

    @Test
    void everyCraftedOutOfRangeFieldIsRejectedNamingTheField() {
        Network network = learned().network();
        byte[] snapshot = SnapshotCodec.encode(network);
        Network fresh = SnapshotTest.classifier(5).network();
        byte[] untouched = SnapshotCodec.encode(fresh);
        List<String> loaded = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();

        Map<String, UnaryOperator<SnapshotBytes>> crafts = crafts(network);
        crafts.forEach((field, craft) -> {
            byte[] crafted = craft.apply(SnapshotBytes.of(snapshot)).sealed();
            try {
                SnapshotCodec.decode(fresh, crafted);
                loaded.add(field);
            } catch (SnapshotException e) {
                String expected = field.equals("header tick") ? "tick" : field;
                if (!e.getMessage().contains(expected)) {
                    unnamed.add(field + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                loaded.add(field + " (failed while loading: " + e.getMessage() + ")");
            }
        });

        assertEquals(List.of(), loaded, "loaded although out of range");
        assertEquals(List.of(), unnamed, "rejected without naming the field");
        assertTrue(crafts.size() >= 10, crafts.size() + " crafts");
        assertArrayEquals(untouched, SnapshotCodec.encode(fresh), "a rejected snapshot changes nothing");
    }

    @Test
    void bootSkipsEachCraftedNewestSnapshotAndLoadsTheValidOlderOne() throws Exception {
        for (Map.Entry<String, UnaryOperator<SnapshotBytes>> craft : crafts(learned().network()).entrySet()) {
            Storage storage = new MemoryStorage();
            SnapshotStore store = new SnapshotStore(storage);
            SpikingClassifier device = learned();
            store.save(device.network());
            byte[] older = SnapshotCodec.encode(device.network());
            SnapshotTest.learn(device, 10, 5);
            store.save(device.network());
            String newest = newestBlob(storage);
            byte[] newer = storage.read(newest).orElseThrow();
            storage.write(newest, craft.getValue().apply(SnapshotBytes.of(newer)).sealed());
            SpikingClassifier fresh = SnapshotTest.classifier(5);

            SnapshotStore.Boot boot = new SnapshotStore(storage).boot(fresh.network());

            assertTrue(boot.loaded().isPresent() && !boot.loaded().equals(Optional.of(newest)),
                    craft.getKey() + ": " + boot);
            assertArrayEquals(older, SnapshotCodec.encode(fresh.network()), craft.getKey());
            assertTrue(boot.rejected().stream().anyMatch(r -> r.startsWith(newest)), craft.getKey() + ": " + boot);
        }
    }

    /** The stored blob whose header holds the highest tick. */
    static String newestBlob(Storage storage) throws Exception {
        String newest = null;
        long tick = Long.MIN_VALUE;
        for (String name : storage.list()) {
            long blobTick = ByteBuffer.wrap(storage.read(name).orElseThrow()).getLong(16);
            if (blobTick > tick) {
                newest = name;
                tick = blobTick;
            }
        }
        return newest;
    }
}
