package dev.aplysia.device.reward;

/**
 * A distance reading as input features: a place code, as a population of distance-tuned cells, fine where a turn is
 * decided and coarse beyond (decision 169).
 * <ul>
 *   <li><b>Near</b>, below {@link #NEAR_EDGE} (about 24 % of full scale, 366 mm of a 1.5 m ranger), as a thermometer:
 *       {@link #FINE_STEPS} steps of {@link #NEAR_STEP} (about 0.5 %, 7.6 mm, up to 175 mm), then one step up to the
 *       edge. A reading in step {@code k} sets the features "nearer than step {@code j}" for every {@code j >= k}. A
 *       sum of per-feature weights can then place a turn's trigger at any fine step, what is learned at one step
 *       carries to the nearer ones, and the nearer an obstacle the more features vote against driving at it. The
 *       avoider's trigger distances (35 to 128 mm) lie among the fine steps, where a single bin had held them all.
 *       </li>
 *   <li><b>Far</b>: one feature per bin above {@link #NEAR_EDGE}, split at {@link #FAR_EDGES} (366 to 595, 595 to
 *       916 mm, and beyond), one-hot, so open space shares no feature with the near zone: a thermometer over the
 *       whole range let the early punishment of forward near walls reach open space too, and most robots learned to
 *       spin in place.</li>
 * </ul>
 * The encoder's divisive normalisation cannot erase how near an obstacle is, as it does to a plain nearness vector
 * whose shape is the same near and far (decision 139). Integer-only; nothing allocated.
 */
final class RangeCode {

    /** Width of a fine near step, Q15 fraction of full scale. */
    static final int NEAR_STEP = 167;
    /** Fine steps of the near zone. */
    static final int FINE_STEPS = 23;
    /** Upper edge of the near zone, Q15: the last near step runs from {@code FINE_STEPS * NEAR_STEP} to here. */
    static final int NEAR_EDGE = 8000;
    /** Features of the near zone: one per fine step and one for the last step. */
    static final int NEAR_FEATURES = FINE_STEPS + 1;
    /** Edges splitting the far zone, Q15: 40 % and 61 %. */
    static final int[] FAR_EDGES = {13000, 20000};
    /** Features per distance sensor. */
    static final int FEATURES = NEAR_FEATURES + FAR_EDGES.length + 1;
    /** Intensity of an active feature. */
    static final int ACTIVE = 64;

    private RangeCode() {
    }

    /**
     * Sets the features of a reading at {@code fraction} (Q15 of full scale) to {@link #ACTIVE}, in
     * {@code features[offset .. offset + FEATURES)}; leaves the others as they are.
     */
    static void code(int fraction, int[] features, int offset) {
        if (fraction < NEAR_EDGE) {
            for (int j = Math.min(Math.max(0, fraction) / NEAR_STEP, FINE_STEPS); j < NEAR_FEATURES; j++) {
                features[offset + j] = ACTIVE;
            }
            return;
        }
        int bin = 0;
        while (bin < FAR_EDGES.length && fraction >= FAR_EDGES[bin]) {
            bin++;
        }
        features[offset + NEAR_FEATURES + bin] = ACTIVE;
    }
}
