package dev.aplysia.device.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * A target board's budget. {@code stateBudgetBytes} is the SRAM left for learned and activity state after what the
 * firmware, stack and I/O buffers need ({@code reservedBytes}); a network whose state exceeds it does not build.
 *
 * @param id               CLI name
 * @param sramBytes        on-chip RAM
 * @param reservedBytes    RAM kept for code data, stack, telemetry buffers and the runtime
 * @param clockHz          core clock, for cycle-budget estimates
 * @param cycles           estimated cycles per operation, for the tick budget
 */
public record McuProfile(String id, String description, long sramBytes, long reservedBytes, long clockHz,
                         CycleModel cycles) {

    /**
     * Estimated core cycles per counted operation, from the instruction counts of the inner loops on that core (a
     * synaptic event is a 16-bit load, a 32-bit load, an add and a store; a synapse update evaluates rule terms with
     * 64-bit products, which a Cortex-M0+ builds from 32-bit multiplies). Estimates, not measurements: they size the
     * tick budget until the firmware runs on the chip itself.
     */
    public record CycleModel(int synapticEvent, int neuronUpdate, int synapseUpdate) {

        /** Estimated cycles for the given operation counts. */
        public long cycles(long synapticEvents, long neuronUpdates, long synapseUpdates) {
            return synapticEvents * synapticEvent + neuronUpdates * neuronUpdate + synapseUpdates * synapseUpdate;
        }
    }

    /** Raspberry Pi RP2040: 264 KB SRAM, 133 MHz dual Cortex-M0+; 40 KB reserved. */
    public static final McuProfile RP2040 = new McuProfile("rp2040", "Raspberry Pi RP2040 (Cortex-M0+)",
            264 * 1024, 40 * 1024, 133_000_000, new CycleModel(6, 24, 60));
    /** Espressif ESP32: 520 KB SRAM, 240 MHz dual Xtensa LX6; 160 KB reserved for the Wi-Fi stack. */
    public static final McuProfile ESP32 = new McuProfile("esp32", "Espressif ESP32 (Xtensa LX6)",
            520 * 1024, 160 * 1024, 240_000_000, new CycleModel(4, 16, 30));
    /** A Raspberry Pi running the firmware natively on Linux: a 256 MiB budget, 1.5 GHz Cortex-A72. */
    public static final McuProfile PI_NATIVE = new McuProfile("pi-native", "Raspberry Pi 4/5 native (Linux)",
            512L * 1024 * 1024, 256L * 1024 * 1024, 1_500_000_000L, new CycleModel(1, 4, 8));

    private static final McuProfile[] ALL = {RP2040, ESP32, PI_NATIVE};

    /** Bytes available for network state. */
    public long stateBudgetBytes() {
        return sramBytes - reservedBytes;
    }

    /** All known profiles. */
    public static McuProfile[] all() {
        return ALL.clone();
    }

    /** The profile with this id (case-insensitive), or an error listing the known ids. */
    public static McuProfile byId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(ALL).filter(p -> p.id.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown MCU profile '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(ALL).map(McuProfile::id).toList())));
    }
}
