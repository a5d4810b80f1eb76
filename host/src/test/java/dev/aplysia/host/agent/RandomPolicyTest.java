package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomPolicyTest {

    private static final Observation ANYTHING = Observation.withoutLight(new int[] {5}, 10, false);

    @Test
    void theSameSeedDrawsTheSameCommandsAndAnotherSeedOthers() {
        assertEquals(draws(7, 200), draws(7, 200));
        assertNotEquals(draws(7, 200), draws(8, 200));
    }

    @Test
    void everyCommandIsDrawnAboutAThirdOfTheTime() {
        Map<DriveCommand, Integer> counts = new EnumMap<>(DriveCommand.class);
        for (DriveCommand command : draws(1, 3000)) {
            counts.merge(command, 1, Integer::sum);
        }

        for (DriveCommand command : DriveCommand.values()) {
            assertTrue(Math.abs(counts.getOrDefault(command, 0) - 1000) < 100, command + ": " + counts);
        }
    }

    private static List<DriveCommand> draws(long seed, int n) {
        RandomPolicy policy = new RandomPolicy(seed);
        List<DriveCommand> commands = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            commands.add(policy.act(ANYTHING));
            policy.learn(-1, ANYTHING);
        }
        return commands;
    }
}
