package dev.aplysia.hal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Which named channels a board has and where they are wired. The same config builds the simulated board and the
 * Raspberry Pi board.
 *
 * <p>Format: line-based text, one declaration per line, {@code KIND NAME key=value ...}; {@code #} starts a comment.
 * <pre>
 * digital-in   button  pin=17 pull=up debounce=5ms   # pull: up | down | off (default off); debounce default 0ms
 * digital-out  led     pin=27 initial=0 safe=0        # initial: 0 | 1 (default 0); safe: 0 | 1 (default 0)
 * pwm          motor   pin=18 chip=0 channel=2 frequency=1000 maxduty=1000 safe=0
 * adc          adc0    type=mcp3008 spi=0 cs=0 baud=1000000
 * analog       sonar0  adc=adc0 channel=0
 * </pre>
 * <ul>
 *   <li>{@code pin}: the BCM GPIO number, 0..27; each pin is used once. {@code pwm pin} is the GPIO the PWM channel is
 *       routed to by the device-tree overlay; it is checked for clashes, not configured.</li>
 *   <li>{@code pwm}: {@code chip} the sysfs {@code pwmchipN} (default 0), {@code channel} 0..3 on it, {@code frequency}
 *       in Hz (default 1000), {@code maxduty} the count meaning 100 % (default 1000).</li>
 *   <li>{@code safe}, on {@code digital-out} and {@code pwm}: the level (0 or 1) or duty (0..maxduty counts) that
 *       leaves the machine harmless, default 0 (motors off, lines low). The firmware drives every output to it when
 *       it halts, stalls or shuts down, and the board drives it there when closed.</li>
 *   <li>{@code adc}: a converter on an SPI bus; {@code type} is {@code mcp3008}; {@code spi} is bus 0 (GPIO 9, 10, 11;
 *       chip selects 0 and 1 on GPIO 8 and 7) or bus 1 (GPIO 19, 20, 21; chip selects 0, 1, 2 on GPIO 18, 17, 16);
 *       {@code baud} default 1000000. The bus and chip-select pins count as used.</li>
 *   <li>{@code analog}: an input {@code channel} (0..7 for the MCP3008) of a declared {@code adc}, in either order.</li>
 * </ul>
 * Rejected, each with file and line: an unknown kind or option, a missing or repeated option, a bad value (a safe duty
 * above {@code maxduty} among them), a duplicate name, a BCM pin used twice or outside 0..27, an ADC channel outside
 * its range or used twice, an {@code analog} naming no declared {@code adc}, and the reserved names {@code clock} and
 * {@code storage} (trace channels).
 */
public final class BoardConfig {

    /** Names no channel may take: traces record clock reads as {@code clock}; faults address {@code storage}. */
    public static final Set<String> RESERVED_NAMES = Set.of("clock", "storage");

    /** Pull resistor on a digital input. */
    public enum Pull { UP, DOWN, OFF }

    /** Supported SPI analog-to-digital converters. */
    public enum AdcType {
        /** Microchip MCP3008: 10-bit, 8 single-ended channels. */
        MCP3008(8, 1023);

        private final int channels;
        private final int maxValue;

        AdcType(int channels, int maxValue) {
            this.channels = channels;
            this.maxValue = maxValue;
        }

        /** The number of input channels, numbered from 0. */
        public int channels() {
            return channels;
        }

        /** The full-scale count. */
        public int maxValue() {
            return maxValue;
        }
    }

    /** A declared digital input; {@code line} is where the config declares it. */
    public record DigitalInputSpec(String name, int line, int pin, Pull pull, long debounceNanos) {
    }

    /** A declared digital output: its level at start, and its safe level (halt, stall, shutdown). */
    public record DigitalOutputSpec(String name, int line, int pin, boolean initialHigh, boolean safeHigh) {
    }

    /** A declared PWM output; {@code safeDuty} (0..{@code maxDuty} counts) is its duty on halt, stall and shutdown. */
    public record PwmSpec(String name, int line, int pin, int chip, int channel, int frequencyHz, int maxDuty,
                          int safeDuty) {
    }

    /** A declared SPI converter. */
    public record AdcSpec(String name, int line, AdcType type, int spiBus, int chipSelect, int baud) {
    }

    /** A declared analog input: channel {@code channel} of converter {@code adc}. */
    public record AnalogInputSpec(String name, int line, AdcSpec adc, int channel) {

        /** The full-scale count of the converter. */
        public int maxValue() {
            return adc.type().maxValue();
        }
    }

    private final String source;
    private final List<DigitalInputSpec> digitalInputs;
    private final List<DigitalOutputSpec> digitalOutputs;
    private final List<PwmSpec> pwmOutputs;
    private final List<AdcSpec> adcs;
    private final List<AnalogInputSpec> analogInputs;

    BoardConfig(String source, List<DigitalInputSpec> digitalInputs, List<DigitalOutputSpec> digitalOutputs,
                List<PwmSpec> pwmOutputs, List<AdcSpec> adcs, List<AnalogInputSpec> analogInputs) {
        this.source = source;
        this.digitalInputs = List.copyOf(digitalInputs);
        this.digitalOutputs = List.copyOf(digitalOutputs);
        this.pwmOutputs = List.copyOf(pwmOutputs);
        this.adcs = List.copyOf(adcs);
        this.analogInputs = List.copyOf(analogInputs);
    }

    /**
     * Parses config text; {@code source} names it in messages.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every rejected line as {@code source:line: why}
     */
    public static BoardConfig parse(String source, String text) throws HalException {
        return new BoardConfigParser(SourceText.of(source, text)).parse();
    }

    /**
     * Reads and parses a config file.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable, {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link #parse}
     */
    public static BoardConfig load(Path file) throws HalException {
        return new BoardConfigParser(SourceText.read(file)).parse();
    }

    /** The name of the text this config was parsed from. */
    public String source() {
        return source;
    }

    /** {@code source:line:}, for messages about a declaration. */
    public String where(int line) {
        return SourceText.where(source, line);
    }

    /** Digital inputs in declaration order. */
    public List<DigitalInputSpec> digitalInputs() {
        return digitalInputs;
    }

    /** Digital outputs in declaration order. */
    public List<DigitalOutputSpec> digitalOutputs() {
        return digitalOutputs;
    }

    /** PWM outputs in declaration order. */
    public List<PwmSpec> pwmOutputs() {
        return pwmOutputs;
    }

    /** Converters in declaration order. */
    public List<AdcSpec> adcs() {
        return adcs;
    }

    /** Analog inputs in declaration order. */
    public List<AnalogInputSpec> analogInputs() {
        return analogInputs;
    }
}
