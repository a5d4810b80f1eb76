package dev.aplysia.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each outside library has one home in the whole project (docs: the house plan): Moquette in {@code host.broker},
 * Paho in {@code device.telemetry.mqtt}, Pi4J in {@code hal.pi4j}, XChart in {@code host.report}, the JDK's HTTP
 * server in {@code host.watch}. Everything else talks to the project's own small interfaces.
 */
class ArchitectureTest {

    private static JavaClasses project;

    @BeforeAll
    static void importProject() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aplysia");
    }

    @ParameterizedTest(name = "{0} only in {1}")
    @CsvSource({
        "io.moquette.., dev.aplysia.host.broker..",
        "org.eclipse.paho.., dev.aplysia.device.telemetry.mqtt..",
        "com.pi4j.., dev.aplysia.hal.pi4j..",
        "org.knowm.xchart.., dev.aplysia.host.report..",
        "com.sun.net.httpserver.., dev.aplysia.host.watch.."
    })
    void aLibraryIsImportedByItsOneHomeOnly(String library, String home) {
        noClasses().that().resideOutsideOfPackage(home)
                .should().dependOnClassesThat().resideInAPackage(library)
                .check(project);
    }
}
