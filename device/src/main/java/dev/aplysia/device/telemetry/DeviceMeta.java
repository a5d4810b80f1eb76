package dev.aplysia.device.telemetry;

import dev.aplysia.device.fixed.QFormat;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.model.NetworkSpec;
import dev.aplysia.device.model.NeuronSpec;
import dev.aplysia.device.model.PopulationSpec;
import dev.aplysia.device.model.ProjectionSpec;
import dev.aplysia.device.model.TraceSpec;
import dev.aplysia.device.plasticity.RuleEngine;
import dev.aplysia.device.wire.FrameWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


/**
 * What the retained {@code meta} topic says about a device, so that a collector joining late knows what it is reading.
 *
 * @param firmware firmware version ({@code 0.1.0})
 * @param mcu      MCU profile id ({@code rp2040})
 * @param network  network name ({@code digits})
 * @param shape    population sizes in stepping order ({@code [64, 100, 10]})
 * @param formats  variable → Q format of the fixed-point core ({@code weight → Q1.14}), in the order to publish
 */
public record DeviceMeta(String firmware, String mcu, String network, int[] shape, Map<String, String> formats) {

    /** The version of the payload schemas in {@code docs/protocol.md}; bumped on any incompatible change. */
    public static final int SCHEMA = 1;
    /** The firmware version this build reports. */
    public static final String FIRMWARE_VERSION = "0.1.0";

    /** The meta of a firmware running {@code network} on {@code profile}: shape and every state format. */
    public static DeviceMeta of(NetworkSpec network, McuProfile profile) {
        Map<String, String> formats = new LinkedHashMap<>();
        for (QFormat format : List.of(ProjectionSpec.WEIGHT, NeuronSpec.MEMBRANE, TraceSpec.FORMAT,
                RuleEngine.ELIGIBILITY, RuleEngine.CONSOLIDATION, RuleEngine.MODULATOR)) {
            formats.put(format.name(), "Q" + (format.bits() - 1 - format.fraction()) + "." + format.fraction());
        }
        int[] shape = network.populations().stream().mapToInt(PopulationSpec::size).toArray();
        return new DeviceMeta(FIRMWARE_VERSION, profile.id(), network.name(), shape, formats);
    }

    public DeviceMeta {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(mcu, "mcu");
        Objects.requireNonNull(network, "network");
        shape = shape.clone();
        formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The {@code meta} payload: {@code {"schema":1,"device":...,"firmware":...,"mcu":...,"network":...,
     * "shape":[...],"format.weight":"Q1.14",...,"commands":"start,stop,..."}}.
     *
     * @param commands the names of the commands the device answers, in the order to list them; none for a device that
     *                 takes no commands ({@code "commands":""})
     */
    public byte[] toJson(String deviceId, List<String> commands) {
        String names = String.join(",", commands);
        FrameWriter json = new FrameWriter(capacity(deviceId) + 6 * names.length());
        json.begin().field("schema", SCHEMA).field("device", deviceId).field("firmware", firmware)
                .field("mcu", mcu).field("network", network).field("shape", shape, 0, shape.length);
        formats.forEach((variable, format) -> json.field("format." + variable, format));
        return json.field("commands", names).end().toByteArray();
    }

    /** A bound on the payload size: six bytes per character covers the worst escape. */
    private int capacity(String deviceId) {
        int chars = deviceId.length() + firmware.length() + mcu.length() + network.length();
        for (Map.Entry<String, String> e : formats.entrySet()) {
            chars += e.getKey().length() + e.getValue().length() + 16;
        }
        return 256 + 6 * chars + 12 * shape.length;
    }
}
