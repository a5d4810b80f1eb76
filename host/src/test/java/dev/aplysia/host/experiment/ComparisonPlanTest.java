package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonPlanTest {

    private static final ComparisonPlan PLAN = new ComparisonPlan(1, 400, false);

    @Test
    void theContinualControlDiffersFromTheClassifierInConsolidationAlone() {
        var with = PLAN.classifierWithConsolidation();
        var without = PLAN.classifier();
        assertTrue(with.consolidates());
        assertFalse(without.consolidates());
        assertEquals(without, with.withConsolidation(0, 0));
    }
}
