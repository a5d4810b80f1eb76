package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.RobotTrace;
import dev.aplysia.host.backprop.Mlp;
import dev.aplysia.host.backprop.SgdTrainer;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The simplest learners on the robot trace, on the device run's split: rows {@code 0..trainSamples − 1} in time order
 * are the training stretch, the rest the test stretch, and every accuracy is the fraction of test rows whose command
 * was predicted.
 *
 * <p>The learned baselines see the 24 distances in millimetres, standardised with the training stretch's means and
 * standard deviations ({@link Standardisation}). Their constants were chosen on a validation split carved from the
 * training stretch (its last 15 % in time order), never on the test stretch; see decision 15 in
 * {@code docs/decisions.md}.
 *
 * <p>State bytes: the float models count their parameters and the standardisation's 48 values as float32, the
 * predictor a board would hold after offline training; the nearest-neighbour memory counts each stored row as 24
 * distances of {@value #DISTANCE_BYTES} bytes (whole millimetres 0..10 000 fit in an unsigned 16-bit value exactly,
 * and the trace's metres with 3 decimals are whole millimetres) plus a {@value #COMMAND_BYTES}-byte command.
 */
public final class RobotBaselines {

    /** Bytes of one stored distance: whole millimetres, 0..10 000, as an unsigned 16-bit value. */
    public static final int DISTANCE_BYTES = 2;
    /** Bytes of one stored command, 0..3. */
    public static final int COMMAND_BYTES = 1;
    /** Shuffled passes of the logistic regression over the training stretch. */
    public static final int LOGISTIC_EPOCHS = 300;
    /** Step size of the logistic regression, on the batch-mean gradient. */
    public static final double LOGISTIC_LEARNING_RATE = 0.01;
    /** Samples per logistic-regression step. */
    public static final int LOGISTIC_BATCH = 32;
    /** Hidden units of the offline MLP. */
    public static final int MLP_HIDDEN = 64;
    /** Shuffled passes of the offline MLP over the training stretch. */
    public static final int MLP_EPOCHS = 30;
    /** Initial per-sample SGD rate of the offline MLP. */
    public static final double MLP_LEARNING_RATE = 0.03;
    /** Per-epoch decay of the offline MLP's rate, {@code η_e = η₀ / (1 + decay · e)}. */
    public static final double MLP_DECAY = 0.1;

    private RobotBaselines() {
    }

    /**
     * Every baseline, in this order: {@code repeat-previous}, {@code logistic-regression}, {@code mlp-offline},
     * {@code 1-nn-prequential}, {@code 1-nn-frozen}. The same trace, split and seed give the same figures.
     *
     * @param trainSamples rows in the training stretch, 1..{@code trace.size() − 1}
     * @param seed         seed of the MLP's initial weights and of both float models' shuffles
     * @throws IllegalArgumentException if {@code trainSamples} leaves either stretch empty
     */
    public static List<Baseline> on(RobotTrace trace, int trainSamples, long seed) {
        List<Baseline> nearest = nearestNeighbour(trace, trainSamples);
        return List.of(repeatPrevious(trace, trainSamples), logisticRegression(trace, trainSamples, seed),
                mlpOffline(trace, trainSamples, seed), nearest.get(0), nearest.get(1));
    }

    /**
     * {@code repeat-previous}: each test row is predicted to carry the previous row's demonstrated command (the first
     * test row's previous row is the last training row). State: the previous command, {@value #COMMAND_BYTES} byte.
     */
    public static Baseline repeatPrevious(RobotTrace trace, int trainSamples) {
        checkSplit(trace, trainSamples);
        int hits = 0;
        for (int r = trainSamples; r < trace.size(); r++) {
            hits += trace.command(r) == trace.command(r - 1) ? 1 : 0;
        }
        return new Baseline("repeat-previous", hits / (double) (trace.size() - trainSamples), COMMAND_BYTES);
    }

    /**
     * {@code logistic-regression}: a {@link SoftmaxRegression} over the standardised distances, trained for
     * {@link #LOGISTIC_EPOCHS} epochs of batches of {@link #LOGISTIC_BATCH} at {@link #LOGISTIC_LEARNING_RATE},
     * shuffled from {@code seed}.
     */
    public static Baseline logisticRegression(RobotTrace trace, int trainSamples, long seed) {
        Split split = Split.of(trace, trainSamples);
        SoftmaxRegression model = new SoftmaxRegression(RobotTrace.SENSORS, RobotTrace.COMMANDS,
                LOGISTIC_LEARNING_RATE, LOGISTIC_BATCH);
        model.trainEpochs(split.trainInputs(), split.trainLabels(), LOGISTIC_EPOCHS, seed);
        return new Baseline("logistic-regression", split.testAccuracy(model::predict),
                model.stateBytes() + split.standardisation().stateBytes());
    }

    /**
     * {@code mlp-offline}: the project's {@link Mlp} (24-{@link #MLP_HIDDEN}-4) over the standardised distances,
     * initialised from {@code seed} and trained by {@link SgdTrainer} for {@link #MLP_EPOCHS} epochs at
     * {@link #MLP_LEARNING_RATE} with {@link #MLP_DECAY}, shuffled from {@code seed}.
     */
    public static Baseline mlpOffline(RobotTrace trace, int trainSamples, long seed) {
        Split split = Split.of(trace, trainSamples);
        SgdTrainer trainer = new SgdTrainer(new Mlp(RobotTrace.SENSORS, MLP_HIDDEN, RobotTrace.COMMANDS, seed),
                MLP_LEARNING_RATE, MLP_DECAY);
        trainer.trainEpochs(split.trainInputs(), split.trainLabels(), MLP_EPOCHS, seed);
        Mlp network = trainer.network();
        return new Baseline("mlp-offline", split.testAccuracy(network::predict),
                (long) Mlp.FLOAT32_BYTES * network.parameterCount() + split.standardisation().stateBytes());
    }

    /**
     * The prequential 1-nearest-neighbour walk over the trace in time order, raw millimetres, each row predicted from
     * the memory of the rows before it and then stored. Two figures on the test stretch: {@code 1-nn-prequential},
     * the memory growing on through the test stretch (state: every row, at the end of the walk), and
     * {@code 1-nn-frozen}, the memory frozen after the training stretch (state: the training rows).
     *
     * <p>Only test rows are scored, so only they are predicted: a prediction does not change the memory.
     */
    public static List<Baseline> nearestNeighbour(RobotTrace trace, int trainSamples) {
        checkSplit(trace, trainSamples);
        NearestNeighbourMemory growing = new NearestNeighbourMemory(RobotTrace.SENSORS, trace.size());
        NearestNeighbourMemory frozen = new NearestNeighbourMemory(RobotTrace.SENSORS, trainSamples);
        int growingHits = 0;
        int frozenHits = 0;
        for (int r = 0; r < trace.size(); r++) {
            int[] distances = distances(trace, r);
            if (r >= trainSamples) {
                growingHits += growing.nearestLabel(distances) == trace.command(r) ? 1 : 0;
                frozenHits += frozen.nearestLabel(distances) == trace.command(r) ? 1 : 0;
            } else {
                frozen.store(distances, trace.command(r));
            }
            growing.store(distances, trace.command(r));
        }
        int tested = trace.size() - trainSamples;
        return List.of(new Baseline("1-nn-prequential", growingHits / (double) tested, memoryBytes(growing.size())),
                new Baseline("1-nn-frozen", frozenHits / (double) tested, memoryBytes(frozen.size())));
    }

    private static long memoryBytes(int rows) {
        return (long) rows * (RobotTrace.SENSORS * DISTANCE_BYTES + COMMAND_BYTES);
    }

    private static int[] distances(RobotTrace trace, int row) {
        int[] distances = new int[RobotTrace.SENSORS];
        for (int s = 0; s < RobotTrace.SENSORS; s++) {
            distances[s] = trace.distanceMillimetres(row, s);
        }
        return distances;
    }

    private static void checkSplit(RobotTrace trace, int trainSamples) {
        if (trainSamples < 1 || trainSamples >= trace.size()) {
            throw new IllegalArgumentException("training stretch of " + trainSamples + " rows leaves a stretch empty"
                    + " in a trace of " + trace.size() + " rows; need 1.." + (trace.size() - 1));
        }
    }

    /** The standardised training and test stretches. */
    private record Split(Standardisation standardisation, double[][] trainInputs, int[] trainLabels,
                         double[][] testInputs, int[] testLabels) {

        static Split of(RobotTrace trace, int trainSamples) {
            checkSplit(trace, trainSamples);
            double[][] train = millimetres(trace, 0, trainSamples);
            Standardisation standardisation = Standardisation.fit(train);
            return new Split(standardisation, standardisation.apply(train), commands(trace, 0, trainSamples),
                    standardisation.apply(millimetres(trace, trainSamples, trace.size())),
                    commands(trace, trainSamples, trace.size()));
        }

        double testAccuracy(ToIntFunction<double[]> classifier) {
            int hits = 0;
            for (int i = 0; i < testInputs.length; i++) {
                hits += classifier.applyAsInt(testInputs[i]) == testLabels[i] ? 1 : 0;
            }
            return hits / (double) testInputs.length;
        }

        private static double[][] millimetres(RobotTrace trace, int from, int to) {
            double[][] rows = new double[to - from][RobotTrace.SENSORS];
            for (int r = from; r < to; r++) {
                for (int s = 0; s < RobotTrace.SENSORS; s++) {
                    rows[r - from][s] = trace.distanceMillimetres(r, s);
                }
            }
            return rows;
        }

        private static int[] commands(RobotTrace trace, int from, int to) {
            int[] commands = new int[to - from];
            for (int r = from; r < to; r++) {
                commands[r - from] = trace.command(r);
            }
            return commands;
        }
    }
}
