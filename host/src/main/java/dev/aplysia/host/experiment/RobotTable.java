package dev.aplysia.host.experiment;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.hal.HalException;
import dev.aplysia.host.baseline.Baseline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The robot run ({@link RobotOnDevice}) over seeds: the device's two runs and every baseline, summarised. */
public final class RobotTable {

    private RobotTable() {
    }

    /** One row: a learner's accuracy on the last 30 % over the seeds, and its state bytes at the first seed. */
    public record Row(String learner, SeedSummary accuracy, long stateBytes) {
    }

    /** Runs the robot at every seed, two at a time, on the RP2040 profile. */
    public static List<Row> run(RobotTrace trace, long[] seeds) {
        List<RobotOnDevice.Result> runs = Arrays.stream(seeds).parallel().mapToObj(seed -> run(trace, seed)).toList();
        List<Row> rows = new ArrayList<>();
        RobotOnDevice.Result first = runs.get(0);
        rows.add(new Row("device, teaching stopped after the first 70 % (learning frozen)",
                summary(runs, RobotOnDevice.Result::accuracyFrozen), first.stateBytes()));
        rows.add(new Row("device, teaching continuing", summary(runs, RobotOnDevice.Result::accuracyContinuing),
                first.stateBytes()));
        for (int b = 0; b < first.baselines().size(); b++) {
            int index = b;
            Baseline baseline = first.baselines().get(b);
            rows.add(new Row(baseline.name(), summary(runs, r -> r.baselines().get(index).accuracy()),
                    baseline.stateBytes()));
        }
        return rows;
    }

    private static SeedSummary summary(List<RobotOnDevice.Result> runs,
                                       ToDoubleFunction<RobotOnDevice.Result> figure) {
        return SeedSummary.of(runs.stream().mapToDouble(figure).toArray());
    }

    private static RobotOnDevice.Result run(RobotTrace trace, long seed) {
        try {
            return RobotOnDevice.run(trace, McuProfile.RP2040, seed, line -> { });
        } catch (HalException e) {
            throw new IllegalStateException("the robot replay failed on the simulated board: " + e.getMessage(), e);
        }
    }
}
