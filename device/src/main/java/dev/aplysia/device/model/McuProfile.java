package dev.aplysia.device.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * A target board's budget. {@code stateBudgetBytes} is the SRAM left for learned and activity state after what the
 * firmware, stack and I/O buffers need ({@code reservedBytes}); a network whose state exceeds it does not build. A
 * tick's time on the core is its {@link CostModel}'s cycles at {@code clockHz}.
 *
 * @param id               CLI name
 * @param sramBytes        on-chip RAM
 * @param reservedBytes    RAM kept for code data, stack, telemetry buffers and the runtime
 * @param clockHz          core clock
 * @param costs            cycles per counted operation, from instruction counts measured under QEMU
 */
public record McuProfile(String id, String description, long sramBytes, long reservedBytes, long clockHz,
                         CostModel costs) {

    /**
     * Cycles per instruction of the Cortex-M cores: 1.5, the larger of the two loop mixes counted in docs/mcu.md
     * (memory-bound propagation 1.50, rule arithmetic 1.33), since for a deadline an estimate that errs long is safe.
     */
    public static final double CORTEX_M_CYCLES_PER_INSTRUCTION = 1.5;

    /** Raspberry Pi RP2040: 264 KB SRAM, 133 MHz dual Cortex-M0+; 40 KB reserved; ARMv6-M costs measured. */
    public static final McuProfile RP2040 = new McuProfile("rp2040", "Raspberry Pi RP2040 (Cortex-M0+)",
            264 * 1024, 40 * 1024, 133_000_000,
            CostModel.measured("cortex-m0plus", CORTEX_M_CYCLES_PER_INSTRUCTION));
    /**
     * Raspberry Pi RP2350: 520 KB SRAM, 150 MHz dual Cortex-M33; 40 KB reserved. Costs measured on ARMv7-M code
     * (built for Cortex-M3, which the M33's ARMv8-M Mainline executes; QEMU's MPS2 board has no M33 here).
     */
    public static final McuProfile RP2350 = new McuProfile("rp2350", "Raspberry Pi RP2350 (Cortex-M33)",
            520 * 1024, 40 * 1024, 150_000_000,
            CostModel.measured("cortex-m3", CORTEX_M_CYCLES_PER_INSTRUCTION));
    /**
     * Espressif ESP32: 520 KB SRAM, 240 MHz dual Xtensa LX6; 160 KB reserved for the Wi-Fi stack. No Xtensa
     * emulator or compiler is packaged for Debian, so the ARMv7-M costs stand in for its own (borrowed).
     */
    public static final McuProfile ESP32 = new McuProfile("esp32", "Espressif ESP32 (Xtensa LX6)",
            520 * 1024, 160 * 1024, 240_000_000,
            CostModel.borrowed("cortex-m3", CORTEX_M_CYCLES_PER_INSTRUCTION));
    /**
     * A Raspberry Pi running the firmware natively on Linux: a 256 MiB budget, 1.5 GHz Cortex-A72. Its deadlines are
     * kept on the real clock; the ARMv7-M costs at one cycle per instruction only bound what an MCU port would need.
     */
    public static final McuProfile PI_NATIVE = new McuProfile("pi-native", "Raspberry Pi 4/5 native (Linux)",
            512L * 1024 * 1024, 256L * 1024 * 1024, 1_500_000_000L, CostModel.borrowed("cortex-m3", 1.0));

    private static final McuProfile[] ALL = {RP2040, RP2350, ESP32, PI_NATIVE};

    /** Bytes available for network state. */
    public long stateBudgetBytes() {
        return sramBytes - reservedBytes;
    }

    /** The core's cycles in one tick of {@code tickNanos}. */
    public long cyclesPerTick(long tickNanos) {
        return (long) (clockHz * (double) tickNanos / 1e9);
    }

    /** The time {@code cycles} take on the core, in nanoseconds (rounded up). */
    public long nanosOf(long cycles) {
        return (long) Math.ceil(cycles * 1e9 / clockHz);
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
