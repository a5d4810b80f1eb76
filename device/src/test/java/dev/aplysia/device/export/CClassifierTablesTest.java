package dev.aplysia.device.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.core.Population;
import dev.aplysia.device.learner.ClassifierConfig;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.device.model.McuProfile;
import dev.aplysia.device.plasticity.RuleEngine;
import org.junit.jupiter.api.Test;

/** The C tables of a classifier: deterministic, its real constants raw by the Java conversions, refusing bad names. */
class CClassifierTablesTest {

    private static final ClassifierConfig CONFIG = ClassifierConfig.digits(12, 3);

    @Test
    void theSameConfigGivesTheSameBytes() {
        assertEquals(CClassifierTables.source(CONFIG, McuProfile.RP2040, "digits"),
                CClassifierTables.source(CONFIG, McuProfile.RP2040, "digits"));
    }

    @Test
    void theConstantsAreTheJavaLearnersInRaw() {
        String source = CClassifierTables.source(CONFIG, McuProfile.RP2040, "digits");
        long teacher = new SpikingClassifier(CONFIG, McuProfile.RP2040).network().population("output")
                .membraneFormat().toRaw(SpikingClassifier.TEACHER_CURRENT);
        assertTrue(source.contains(".teacher_current = " + teacher + ","), source);
        assertTrue(source.contains(".recruit_gain_q15 = "
                + Population.excitabilityGainQ15(SpikingClassifier.RECRUIT_GAIN) + ","), source);
        assertTrue(source.contains(".refine_modulator = " + RuleEngine.MODULATOR.toRaw(CONFIG.refineRate()) + ","),
                source);
        assertTrue(source.contains("const ap_network digits_network = {"), source);
        assertTrue(source.contains("const ap_classifier digits = {"), source);
    }

    @Test
    void aSignificanceOutsideTheGainsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CClassifierTables.significanceQ15(4.0));
    }

    @Test
    void aSymbolThatIsNotACIdentifierIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CClassifierTables.source(CONFIG, McuProfile.RP2040, "digits-learner"));
    }
}
