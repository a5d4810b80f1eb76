package dev.aplysia.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.TestBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnosis over a fake root holding a Raspberry Pi's /proc, /dev and /sys entries, or some of them. */
class PiDiagnosisTest {

    @TempDir
    Path root;

    /** Files the fake user may not open read-write. */
    private final Set<Path> denied = new HashSet<>();

    private PiDiagnosis diagnosis() {
        return new PiDiagnosis(root, path -> !denied.contains(path), "robot");
    }

    private Path file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** A Pi 4 with SPI0, the GPIO chip and PWM chip 0 enabled: everything the test bench config uses. */
    private void aReadyPi() throws IOException {
        file("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");
        file("dev/gpiochip0", "");
        file("dev/spidev0.0", "");
        file("sys/class/pwm/pwmchip0/export", "");
    }

    @Test
    void aReadyPiHasNoProblems() throws Exception {
        aReadyPi();

        assertEquals(List.of(), diagnosis().problems(TestBoards.config()));
        diagnosis().requireReady(TestBoards.config());
    }

    @Test
    void withoutADeviceTreeModelItIsNoRaspberryPiAndNothingElseIsReported() {
        HalException e = assertThrows(HalException.class, () -> diagnosis().requireReady(TestBoards.config()));

        assertEquals(ErrorKind.IO, e.kind());
        assertEquals("this machine cannot run the pi4j board: not a Raspberry Pi: /proc/device-tree/model does not"
                + " exist (the pi4j board runs only on a Raspberry Pi; use the simulated board elsewhere)",
                e.getMessage());
    }

    @Test
    void anotherBoardsModelIsQuoted() throws Exception {
        file("proc/device-tree/model", "Hardkernel ODROID-C4\0");

        assertEquals(List.of("not a Raspberry Pi: /proc/device-tree/model says 'Hardkernel ODROID-C4'"),
                diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aKernelWithoutGpioCharacterDevicesIsNamed() throws Exception {
        aReadyPi();
        Files.delete(root.resolve("dev/gpiochip0"));

        assertEquals(List.of("no GPIO character device /dev/gpiochip*: this kernel offers no gpiod interface"
                + " (Raspberry Pi OS Bullseye or later has one)"), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aUserOutsideGroupGpioIsToldToJoinIt() throws Exception {
        aReadyPi();
        denied.add(root.resolve("dev/gpiochip0"));

        assertEquals(List.of("permission denied on /dev/gpiochip0 for user 'robot': add the user to group gpio"
                + " (sudo adduser robot gpio) and log in again"), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void oneOpenableGpioChipIsEnoughSincePi4jPicksThePinControllerAmongThem() throws Exception {
        aReadyPi();
        file("dev/gpiochip4", "");
        denied.add(root.resolve("dev/gpiochip0"));

        assertEquals(List.of(), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aMissingSpi0DeviceNamesTheAdcAndRaspiConfig() throws Exception {
        aReadyPi();
        Files.delete(root.resolve("dev/spidev0.0"));

        assertEquals(List.of("bench.conf:5: adc 'adc0' needs /dev/spidev0.0, which is missing: enable SPI (sudo"
                + " raspi-config, Interface Options, SPI; or dtparam=spi=on in /boot/firmware/config.txt) and"
                + " reboot"), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aMissingSpi1DeviceNamesTheOverlayWithEnoughChipSelects() throws Exception {
        aReadyPi();
        BoardConfig config = BoardConfig.parse("robot.board", "adc adc0 type=mcp3008 spi=1 cs=2\n");

        assertEquals(List.of("robot.board:1: adc 'adc0' needs /dev/spidev1.2, which is missing: add"
                + " dtoverlay=spi1-3cs to /boot/firmware/config.txt and reboot"), diagnosis().problems(config));
    }

    @Test
    void aUserOutsideGroupSpiIsToldToJoinIt() throws Exception {
        aReadyPi();
        denied.add(root.resolve("dev/spidev0.0"));

        assertEquals(List.of("permission denied on /dev/spidev0.0 for user 'robot': add the user to group spi"
                + " (sudo adduser robot spi) and log in again"), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aMissingPwmChipIsReportedOnceNamingTheFirstOutputOnIt() throws Exception {
        aReadyPi();
        Files.delete(root.resolve("sys/class/pwm/pwmchip0/export"));
        Files.delete(root.resolve("sys/class/pwm/pwmchip0"));
        BoardConfig config = BoardConfig.parse("robot.board", """
                pwm motor-left  pin=12 chip=0 channel=0
                pwm motor-right pin=13 chip=0 channel=1
                """);

        List<String> problems = diagnosis().problems(config);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("robot.board:1: PWM output 'motor-left' needs /sys/class/pwm/pwmchip0,"
                + " which is missing: enable the PWM overlay"), problems.get(0));
    }

    @Test
    void aPwmExportTheUserMayNotWriteNamesGroupGpio() throws Exception {
        aReadyPi();
        denied.add(root.resolve("sys/class/pwm/pwmchip0/export"));

        assertEquals(List.of("permission denied on /sys/class/pwm/pwmchip0/export for user 'robot': add the user to"
                + " group gpio (sudo adduser robot gpio) and log in again"), diagnosis().problems(TestBoards.config()));
    }

    @Test
    void aPiWithNothingEnabledReportsEveryMissingDeviceAtOnce() throws Exception {
        file("proc/device-tree/model", "Raspberry Pi 5 Model B Rev 1.0\0");
        Files.createDirectories(root.resolve("dev"));

        List<String> problems = diagnosis().problems(TestBoards.config());

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("no GPIO character device"), problems.get(0));
        assertTrue(problems.get(1).startsWith("bench.conf:5: adc 'adc0' needs /dev/spidev0.0"), problems.get(1));
        assertTrue(problems.get(2).startsWith("bench.conf:4: PWM output 'motor' needs /sys/class/pwm/pwmchip0"),
                problems.get(2));
    }

    @Test
    void aConfigWithoutDigitalPinsNeedsNoGpioChip() throws Exception {
        aReadyPi();
        Files.delete(root.resolve("dev/gpiochip0"));
        BoardConfig config = BoardConfig.parse("adc-only.board", "adc adc0 type=mcp3008 spi=0 cs=0\n");

        assertEquals(List.of(), diagnosis().problems(config));
    }
}
