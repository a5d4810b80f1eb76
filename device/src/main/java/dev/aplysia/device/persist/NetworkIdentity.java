package dev.aplysia.device.persist;

import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What makes a network the one a snapshot belongs to, field by field, so that a snapshot of another network can be
 * refused naming what differs: its name, seed, populations (order, size, membrane format), projections (order,
 * pre and post, weight format and bounds, rule). Every other parameter (thresholds, rates, rule terms) is covered by
 * the spec's fingerprint beside it in the snapshot header.
 *
 * <p>Encoded as {@code u16 count}, then per field a key and a value, each {@code u16 length + UTF-8}.
 *
 * @param fields values by key, in a fixed order
 */
public record NetworkIdentity(Map<String, String> fields) {

    /** Written in place of a field the other side does not have. */
    private static final String ABSENT = "(none)";

    public NetworkIdentity {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The identity of the network built from {@code spec}. */
    public static NetworkIdentity of(NetworkSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("network", spec.name());
        fields.put("seed", Long.toString(spec.seed()));
        fields.put("populations", spec.populations().stream().map(PopulationSpec::name)
                .collect(Collectors.joining(",")));
        for (PopulationSpec p : spec.populations()) {
            fields.put(p.name() + ".size", Integer.toString(p.size()));
            fields.put(p.name() + ".membrane", p.isInput() ? "input" : p.neuron().membrane().toString());
        }
        fields.put("projections", spec.projections().stream().map(ProjectionSpec::name)
                .collect(Collectors.joining(",")));
        for (ProjectionSpec q : spec.projections()) {
            fields.put(q.name() + ".shape", q.pre() + "->" + q.post());
            fields.put(q.name() + ".weights", q.weightFormat() + " in [" + q.wMin() + ", " + q.wMax() + "]");
            fields.put(q.name() + ".rule", q.rule().name());
        }
        return new NetworkIdentity(fields);
    }

    /**
     * Each field whose value differs, as {@code key: X in the snapshot, Y in this network}, with this identity as
     * the snapshot's; empty when they are the same network.
     */
    public List<String> differencesFrom(NetworkIdentity network) {
        Map<String, String> keys = new LinkedHashMap<>(fields);
        network.fields.forEach(keys::putIfAbsent);
        List<String> differences = new ArrayList<>();
        for (String key : keys.keySet()) {
            String mine = fields.getOrDefault(key, ABSENT);
            String theirs = network.fields.getOrDefault(key, ABSENT);
            if (!mine.equals(theirs)) {
                differences.add(key + ": " + mine + " in the snapshot, " + theirs + " in this network");
            }
        }
        return differences;
    }

    /** The encoded fields. */
    public byte[] encode() {
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((key, value) -> {
            parts.add(key.getBytes(StandardCharsets.UTF_8));
            parts.add(value.getBytes(StandardCharsets.UTF_8));
        });
        ByteBuffer out = ByteBuffer.allocate(Short.BYTES
                + parts.stream().mapToInt(p -> Short.BYTES + p.length).sum());
        out.putShort((short) fields.size());
        for (byte[] part : parts) {
            if (part.length > 0xFFFF) {
                throw new IllegalArgumentException("an identity field is longer than 65535 bytes");
            }
            out.putShort((short) part.length).put(part);
        }
        return out.array();
    }

    /**
     * Reads an identity from {@code in}, leaving it after the last field.
     *
     * @throws SnapshotException when the fields run past the end of the snapshot
     */
    static NetworkIdentity read(ByteBuffer in) throws SnapshotException {
        try {
            int count = in.getShort() & 0xFFFF;
            Map<String, String> fields = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                fields.put(text(in), text(in));
            }
            return new NetworkIdentity(fields);
        } catch (BufferUnderflowException e) {
            throw new SnapshotException("the network identity runs past the end of the snapshot");
        }
    }

    private static String text(ByteBuffer in) {
        byte[] utf8 = new byte[in.getShort() & 0xFFFF];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
