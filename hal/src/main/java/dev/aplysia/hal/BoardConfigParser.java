package dev.aplysia.hal;

import dev.aplysia.hal.BoardConfig.AdcSpec;
import dev.aplysia.hal.BoardConfig.AdcType;
import dev.aplysia.hal.BoardConfig.AnalogInputSpec;
import dev.aplysia.hal.BoardConfig.DigitalInputSpec;
import dev.aplysia.hal.BoardConfig.DigitalOutputSpec;
import dev.aplysia.hal.BoardConfig.Pull;
import dev.aplysia.hal.BoardConfig.PwmSpec;
import dev.aplysia.hal.LineOptions.LineRejected;
import dev.aplysia.hal.SourceText.Line;
import dev.aplysia.hal.time.DurationText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses the {@link BoardConfig} format, collecting every rejected line before failing. */
final class BoardConfigParser {

    private static final String ADC_KEYWORD = "adc";
    private static final Map<String, List<String>> OPTIONS = Map.of(
            ChannelKind.DIGITAL_INPUT.keyword(), List.of("pin", "pull", "debounce"),
            ChannelKind.DIGITAL_OUTPUT.keyword(), List.of("pin", "initial", "safe"),
            ChannelKind.PWM_OUTPUT.keyword(), List.of("pin", "chip", "channel", "frequency", "maxduty", "safe"),
            ADC_KEYWORD, List.of("type", "spi", "cs", "baud"),
            ChannelKind.ANALOG_INPUT.keyword(), List.of(ADC_KEYWORD, "channel"));
    private static final List<String> KINDS = List.of(ChannelKind.DIGITAL_INPUT.keyword(),
            ChannelKind.DIGITAL_OUTPUT.keyword(), ChannelKind.PWM_OUTPUT.keyword(), ADC_KEYWORD,
            ChannelKind.ANALOG_INPUT.keyword());
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final int MAX_BCM_PIN = 27;
    private static final int MAX_PWM_CHANNEL = 3;
    private static final int[][] SPI_BUS_PINS = {{9, 10, 11}, {19, 20, 21}};
    private static final int[][] SPI_CHIP_SELECT_PINS = {{8, 7}, {18, 17, 16}};

    private record Use(String owner, int line) {
    }

    private record PendingAnalog(String name, int line, String adc, int channel) {
    }

    private final SourceText text;
    private final Map<String, Integer> nameLines = new HashMap<>();
    private final Map<Integer, Use> pins = new HashMap<>();
    private final Map<String, Use> pwmChannels = new HashMap<>();
    private final List<DigitalInputSpec> digitalInputs = new ArrayList<>();
    private final List<DigitalOutputSpec> digitalOutputs = new ArrayList<>();
    private final List<PwmSpec> pwmOutputs = new ArrayList<>();
    private final Map<String, AdcSpec> adcs = new LinkedHashMap<>();
    private final List<PendingAnalog> pendingAnalogs = new ArrayList<>();

    BoardConfigParser(SourceText text) {
        this.text = text;
    }

    BoardConfig parse() throws HalException {
        for (Line line : text.lines()) {
            try {
                declare(line);
            } catch (LineRejected e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        List<AnalogInputSpec> analogInputs = resolveAnalogInputs();
        text.throwIfRejected();
        return new BoardConfig(text.source(), digitalInputs, digitalOutputs, pwmOutputs, List.copyOf(adcs.values()),
                analogInputs);
    }

    private void declare(Line line) throws LineRejected {
        List<String> words = line.words();
        String kind = words.get(0);
        if (!OPTIONS.containsKey(kind)) {
            throw new LineRejected("unknown kind '" + kind + "'; expected one of " + KINDS);
        }
        if (words.size() < 2) {
            throw new LineRejected(kind + " needs a name");
        }
        String name = words.get(1);
        Options options = new Options(kind, name, words.subList(2, words.size()));
        switch (kind) {
            case "digital-in" -> declareDigitalInput(name, line.number(), options);
            case "digital-out" -> declareDigitalOutput(name, line.number(), options);
            case "pwm" -> declarePwm(name, line.number(), options);
            case ADC_KEYWORD -> declareAdc(name, line.number(), options);
            default -> declareAnalog(name, line.number(), options);
        }
    }

    private void declareDigitalInput(String name, int line, Options options) throws LineRejected {
        int pin = options.pin();
        Pull pull = Pull.valueOf(options.choice("pull", List.of("up", "down", "off"), "off").toUpperCase(Locale.ROOT));
        long debounceNanos = options.duration("debounce");
        claimName(name, line);
        claimPin(pin, "'" + name + "'", line);
        digitalInputs.add(new DigitalInputSpec(name, line, pin, pull, debounceNanos));
    }

    private void declareDigitalOutput(String name, int line, Options options) throws LineRejected {
        int pin = options.pin();
        boolean initialHigh = options.integer("initial", 0, 1, 0) == 1;
        boolean safeHigh = options.integer("safe", 0, 1, 0) == 1;
        claimName(name, line);
        claimPin(pin, "'" + name + "'", line);
        digitalOutputs.add(new DigitalOutputSpec(name, line, pin, initialHigh, safeHigh));
    }

    private void declarePwm(String name, int line, Options options) throws LineRejected {
        int pin = options.pin();
        int chip = options.integer("chip", 0, Integer.MAX_VALUE, 0);
        int channel = options.integer("channel", 0, MAX_PWM_CHANNEL);
        int frequency = options.integer("frequency", 1, Integer.MAX_VALUE, 1000);
        int maxDuty = options.integer("maxduty", 1, Integer.MAX_VALUE, 1000);
        int safeDuty = options.integer("safe", 0, Integer.MAX_VALUE, 0);
        if (safeDuty > maxDuty) {
            throw new LineRejected("safe " + safeDuty + " is above maxduty " + maxDuty + "; a safe duty is 0.."
                    + maxDuty + " counts");
        }
        claimName(name, line);
        claimPin(pin, "'" + name + "'", line);
        claim(pwmChannels, "chip " + chip + " channel " + channel, "'" + name + "'", line, "PWM ");
        pwmOutputs.add(new PwmSpec(name, line, pin, chip, channel, frequency, maxDuty, safeDuty));
    }

    private void declareAdc(String name, int line, Options options) throws LineRejected {
        AdcType type = AdcType.valueOf(options.choice("type", List.of("mcp3008"), null).toUpperCase(Locale.ROOT));
        int bus = options.integer("spi", 0, SPI_BUS_PINS.length - 1, 0);
        int chipSelect = options.integer("cs", 0, SPI_CHIP_SELECT_PINS[bus].length - 1, 0);
        int baud = options.integer("baud", 10_000, 3_600_000, 1_000_000);
        claimName(name, line);
        for (int pin : SPI_BUS_PINS[bus]) {
            claimPin(pin, "SPI bus " + bus, line);
        }
        claimPin(SPI_CHIP_SELECT_PINS[bus][chipSelect], "'" + name + "' (SPI " + bus + " chip select " + chipSelect
                + ")", line);
        adcs.put(name, new AdcSpec(name, line, type, bus, chipSelect, baud));
    }

    private void declareAnalog(String name, int line, Options options) throws LineRejected {
        String adc = options.word(ADC_KEYWORD);
        int channel = options.integer("channel", 0, Integer.MAX_VALUE);
        claimName(name, line);
        pendingAnalogs.add(new PendingAnalog(name, line, adc, channel));
    }

    private List<AnalogInputSpec> resolveAnalogInputs() {
        Map<String, Use> used = new HashMap<>();
        List<AnalogInputSpec> resolved = new ArrayList<>();
        for (PendingAnalog pending : pendingAnalogs) {
            try {
                resolved.add(resolve(pending, used));
            } catch (LineRejected e) {
                text.reject(pending.line(), e.getMessage());
            }
        }
        return resolved;
    }

    private AnalogInputSpec resolve(PendingAnalog pending, Map<String, Use> used) throws LineRejected {
        AdcSpec adc = adcs.get(pending.adc());
        if (adc == null) {
            throw new LineRejected("analog '" + pending.name() + "' names adc '" + pending.adc()
                    + "', which is not declared; declared adcs: " + adcs.keySet());
        }
        int channels = adc.type().channels();
        if (pending.channel() >= channels) {
            throw new LineRejected("channel " + pending.channel() + " is outside 0.." + (channels - 1) + " of adc '"
                    + adc.name() + "'");
        }
        claim(used, adc.name() + " channel " + pending.channel(), "'" + pending.name() + "'", pending.line(), "adc ");
        return new AnalogInputSpec(pending.name(), pending.line(), adc, pending.channel());
    }

    private void claimName(String name, int line) throws LineRejected {
        if (!NAME.matcher(name).matches()) {
            throw new LineRejected("invalid name '" + name + "'; use a letter, then letters, digits, '.', '_' or '-'");
        }
        if (BoardConfig.RESERVED_NAMES.contains(name)) {
            throw new LineRejected("name '" + name + "' is reserved; reserved names: " + BoardConfig.RESERVED_NAMES);
        }
        Integer first = nameLines.putIfAbsent(name, line);
        if (first != null) {
            throw new LineRejected("duplicate name '" + name + "', first declared on line " + first);
        }
    }

    private void claimPin(int pin, String owner, int line) throws LineRejected {
        Use previous = pins.putIfAbsent(pin, new Use(owner, line));
        if (previous != null && !previous.owner().equals(owner)) {
            throw new LineRejected("BCM pin " + pin + " is already used by " + previous.owner() + " (line "
                    + previous.line() + ")");
        }
    }

    private static void claim(Map<String, Use> uses, String resource, String owner, int line, String prefix)
            throws LineRejected {
        Use previous = uses.putIfAbsent(resource, new Use(owner, line));
        if (previous != null) {
            throw new LineRejected(prefix + resource + " is already used by " + previous.owner() + " (line "
                    + previous.line() + ")");
        }
    }

    /** The {@code key=value} words of one line, checked against the options its kind allows. */
    private static final class Options {
        private final LineOptions values;

        Options(String kind, String name, List<String> words) throws LineRejected {
            this.values = new LineOptions(kind, kind + " '" + name + "'", words, OPTIONS.get(kind));
        }

        String word(String key) throws LineRejected {
            return values.word(key);
        }

        int pin() throws LineRejected {
            return integer("pin", 0, MAX_BCM_PIN);
        }

        int integer(String key, int min, int max) throws LineRejected {
            String value = word(key);
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new LineRejected(key + " '" + value + "' is not an integer");
            }
            if (parsed < min || parsed > max) {
                throw new LineRejected(key + " " + parsed + " is outside " + min + ".." + max);
            }
            return parsed;
        }

        int integer(String key, int min, int max, int absent) throws LineRejected {
            return values.has(key) ? integer(key, min, max) : absent;
        }

        String choice(String key, List<String> choices, String absent) throws LineRejected {
            if (absent != null && !values.has(key)) {
                return absent;
            }
            String value = word(key);
            if (!choices.contains(value)) {
                throw new LineRejected(key + " '" + value + "' is not one of " + choices);
            }
            return value;
        }

        long duration(String key) throws LineRejected {
            if (!values.has(key)) {
                return 0;
            }
            try {
                return DurationText.parseNanos(word(key));
            } catch (IllegalArgumentException e) {
                throw new LineRejected(key + ": " + e.getMessage());
            }
        }
    }
}
