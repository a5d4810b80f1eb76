package dev.aplysia.device;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The firmware side stays off the hardware library, the broker, the host, the simulated board and world, the Pi4J
 * board and the trace recorder (the runnable device module picks the board), keeps Paho in its one adapter package, keeps the
 * transport and command inbox free of the firmware, keeps the C table generator a leaf and the golden scenarios
 * for it and the tests, and its fixed-point arithmetic stands alone.
 */
class ArchitectureTest {

    private static JavaClasses device;

    @BeforeAll
    static void importDevice() {
        device = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aplysia.device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.pi4j..", "io.moquette..", "dev.aplysia.host..", "dev.aplysia.hal.sim..",
        "dev.aplysia.hal.world..", "dev.aplysia.hal.pi4j..", "dev.aplysia.hal.trace.."})
    void deviceClassesNeverDependOn(String forbidden) {
        noClasses().that().resideInAPackage("dev.aplysia.device..")
                .should().dependOnClassesThat().resideInAPackage(forbidden)
                .check(device);
    }

    /** The house plan gives Paho one home, the MQTT telemetry adapter; no other device class may touch it. */
    @Test
    void noDeviceClassOutsideTheMqttAdapterDependsOnPaho() {
        noClasses().that().resideInAPackage("dev.aplysia.device..")
                .and().resideOutsideOfPackage("dev.aplysia.device.telemetry.mqtt..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .check(device);
    }

    /** The transport and the command inbox serve any firmware: they never reach into one. */
    @ParameterizedTest
    @ValueSource(strings = {"dev.aplysia.device.telemetry..", "dev.aplysia.device.command..",
        "dev.aplysia.device.wire.."})
    void theLinkNeverDependsOnTheFirmware(String link) {
        noClasses().that().resideInAPackage(link)
                .should().dependOnClassesThat().resideInAPackage("dev.aplysia.device.firmware..")
                .check(device);
    }

    /** Commands are validated without knowing how they travel; the wire format knows neither. */
    @Test
    void commandsAndTheWireFormatNeverDependOnTheTransport() {
        noClasses().that().resideInAnyPackage("dev.aplysia.device.command..", "dev.aplysia.device.wire..")
                .should().dependOnClassesThat().resideInAPackage("dev.aplysia.device.telemetry..")
                .check(device);
    }

    /** The C table generator reads the core; the core, and the firmware that runs it, never reach into it. */
    @Test
    void nothingButTheExportDependsOnTheExport() {
        noClasses().that().resideInAPackage("dev.aplysia.device..")
                .and().resideOutsideOfPackage("dev.aplysia.device.export..")
                .should().dependOnClassesThat().resideInAPackage("dev.aplysia.device.export..")
                .check(device);
    }

    /** The golden scenarios check the core; only the export, which writes them as C, reads them in main code. */
    @Test
    void nothingButTheExportDependsOnTheGoldenScenarios() {
        noClasses().that().resideInAPackage("dev.aplysia.device..")
                .and().resideOutsideOfPackages("dev.aplysia.device.golden..", "dev.aplysia.device.export..")
                .should().dependOnClassesThat().resideInAPackage("dev.aplysia.device.golden..")
                .check(device);
    }

    @Test
    void fixedPointArithmeticDependsOnNothingElseInDevice() {
        noClasses().that().resideInAPackage("dev.aplysia.device.fixed..")
                .should().dependOnClassesThat(resideInAPackage("dev.aplysia.device..")
                        .and(not(resideInAPackage("dev.aplysia.device.fixed.."))))
                .check(device);
    }
}
