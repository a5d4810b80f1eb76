package dev.aplysia.host.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {

    private final List<String> lines = new ArrayList<>();
    private long now = 5_000_000_000L;
    private final Phases phases = new Phases(lines::add, () -> now);

    @Test
    void aPhaseSaysWhenItStartsAndWhenItIsDoneWithItsSeconds() {
        Phases.Phase phase = phases.start("learning curve");
        now += 1_254_000_000L;
        phase.done();

        assertEquals(List.of("learning curve: started", "learning curve: done in 1.25 s"), lines);
    }

    @Test
    void phasesMayNestAndEachCountsFromItsOwnStart() {
        Phases.Phase outer = phases.start("learning curve");
        now += 1_000_000_000L;
        Phases.Phase inner = phases.start("offline reference");
        now += 500_000_000L;
        inner.done();
        outer.done();

        assertEquals(List.of("learning curve: started", "offline reference: started",
                "offline reference: done in 0.50 s", "learning curve: done in 1.50 s"), lines);
    }
}
