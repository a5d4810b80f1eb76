package dev.aplysia.hal.pi4j;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.BoardConfig.AdcSpec;
import dev.aplysia.hal.BoardConfig.PwmSpec;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Why this machine cannot run a board config through Pi4J, found by looking at the files Pi4J would open, before it
 * opens them: Pi4J itself, off a Pi or without permissions, only says "No gpio chip yet initialized!".
 *
 * <p>Checked in order: the machine is a Raspberry Pi ({@code /proc/device-tree/model}); if not, nothing else is
 * reported, since nothing else can be fixed. Then, for what the config uses: a GPIO character device
 * ({@code /dev/gpiochip*}) this user may open (group {@code gpio}); each ADC's {@code /dev/spidevB.C} (SPI enabled,
 * group {@code spi}); each PWM chip's {@code /sys/class/pwm/pwmchipN} with a writable {@code export} (the PWM
 * overlay, group {@code gpio}).
 *
 * <p>All paths are resolved under a root directory, so tests can lay out a fake {@code /proc}, {@code /dev} and
 * {@code /sys}; whether a file may be opened read-write is a predicate, because root may open anything.
 */
public final class PiDiagnosis {

    private static final String MODEL = "proc/device-tree/model";
    private static final String BOOT_CONFIG = "/boot/firmware/config.txt";

    private final Path root;
    private final Predicate<Path> openable;
    private final String user;

    PiDiagnosis(Path root, Predicate<Path> openable, String user) {
        this.root = root;
        this.openable = openable;
        this.user = user;
    }

    /** The diagnosis of this machine, as the JVM's user. */
    public static PiDiagnosis ofThisMachine() {
        return new PiDiagnosis(Path.of("/"), path -> Files.isReadable(path) && Files.isWritable(path),
                System.getProperty("user.name"));
    }

    /**
     * Throws unless {@link #problems} is empty.
     *
     * @throws HalException {@link ErrorKind#IO} naming every problem found, each with its remedy
     */
    public void requireReady(BoardConfig config) throws HalException {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new HalException(ErrorKind.IO, "this machine cannot run the pi4j board: "
                    + String.join("; ", problems));
        }
    }

    /** What keeps {@code config} from running here, each with its remedy; empty when nothing does. */
    public List<String> problems(BoardConfig config) {
        String notAPi = notARaspberryPi();
        if (notAPi != null) {
            return List.of(notAPi);
        }
        List<String> problems = new ArrayList<>();
        if (!config.digitalInputs().isEmpty() || !config.digitalOutputs().isEmpty()) {
            addIfAny(problems, gpioProblem());
        }
        for (AdcSpec adc : config.adcs()) {
            addIfAny(problems, spiProblem(config, adc));
        }
        Set<Integer> chips = new HashSet<>();
        for (PwmSpec pwm : config.pwmOutputs()) {
            if (chips.add(pwm.chip())) {
                addIfAny(problems, pwmProblem(config, pwm));
            }
        }
        return problems;
    }

    private static void addIfAny(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    private String notARaspberryPi() {
        Path model = root.resolve(MODEL);
        if (!Files.isRegularFile(model)) {
            return "not a Raspberry Pi: /" + MODEL + " does not exist (the pi4j board runs only on a Raspberry Pi;"
                    + " use the simulated board elsewhere)";
        }
        try {
            // The device tree ends the string with a NUL.
            String text = new String(Files.readAllBytes(model), StandardCharsets.UTF_8).replace("\0", "").trim();
            return text.contains("Raspberry Pi") ? null : "not a Raspberry Pi: /" + MODEL + " says '" + text + "'";
        } catch (IOException e) {
            return "cannot tell whether this is a Raspberry Pi: /" + MODEL + " is unreadable: " + e.getMessage();
        }
    }

    private String gpioProblem() {
        List<Path> chips = gpioChips();
        if (chips.isEmpty()) {
            return "no GPIO character device /dev/gpiochip*: this kernel offers no gpiod interface (Raspberry Pi OS"
                    + " Bullseye or later has one)";
        }
        if (chips.stream().noneMatch(openable)) {
            return permissionDenied(chips.get(0), "gpio");
        }
        return null;
    }

    private List<Path> gpioChips() {
        try (Stream<Path> files = Files.list(root.resolve("dev"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("gpiochip")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String spiProblem(BoardConfig config, AdcSpec adc) {
        String device = "dev/spidev" + adc.spiBus() + "." + adc.chipSelect();
        Path path = root.resolve(device);
        if (!Files.exists(path)) {
            return config.where(adc.line()) + " adc '" + adc.name() + "' needs /" + device + ", which is missing: "
                    + enableSpi(adc) + " and reboot";
        }
        return openable.test(path) ? null : permissionDenied(path, "spi");
    }

    /** The remedy for a missing SPI device: SPI0 with CE0/CE1 is raspi-config's switch, the rest an overlay. */
    private static String enableSpi(AdcSpec adc) {
        if (adc.spiBus() == 0 && adc.chipSelect() <= 1) {
            return "enable SPI (sudo raspi-config, Interface Options, SPI; or dtparam=spi=on in " + BOOT_CONFIG + ")";
        }
        return "add dtoverlay=spi" + adc.spiBus() + "-" + (adc.chipSelect() + 1) + "cs to " + BOOT_CONFIG;
    }

    private String pwmProblem(BoardConfig config, PwmSpec pwm) {
        String chip = "sys/class/pwm/pwmchip" + pwm.chip();
        Path export = root.resolve(chip).resolve("export");
        if (!Files.isDirectory(root.resolve(chip))) {
            return config.where(pwm.line()) + " PWM output '" + pwm.name() + "' needs /" + chip + ", which is"
                    + " missing: enable the PWM overlay (dtoverlay=pwm-2chan with the pins and functions of the"
                    + " README's wiring, in " + BOOT_CONFIG + ") and reboot; on a Pi 5 check ls /sys/class/pwm and"
                    + " set chip= to match";
        }
        return openable.test(export) ? null : permissionDenied(export, "gpio");
    }

    private String permissionDenied(Path path, String group) {
        return "permission denied on /" + root.relativize(path) + " for user '" + user + "': add the user to group "
                + group + " (sudo adduser " + user + " " + group + ") and log in again";
    }
}
