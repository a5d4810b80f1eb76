package dev.aplysia.device.reward;

/**
 * A distance reading as one of a few range bins, each an input feature of its own: a place code, as a population of
 * distance-tuned cells. The policy over bins is a table per sensor (how near is too near is learned per bin), and the
 * encoder's divisive normalisation cannot erase how near an obstacle is, as it does to a plain nearness vector whose
 * shape is the same near and far (decision 139).
 */
final class RangeCode {

    /**
     * Upper edges of the bins but the last, Q15 fractions of full scale: about 12 %, 24 %, 40 % and 61 % (183, 366,
     * 595 and 916 mm of a 1.5 m ranger), so the nearest bin holds room for a pivot turn's creep (decision 165).
     */
    static final int[] EDGES = {4000, 8000, 13000, 20000};
    /** Bins per distance sensor. */
    static final int BINS = EDGES.length + 1;
    /** Intensity of the active bin. */
    static final int ACTIVE = 64;

    private RangeCode() {
    }

    /** The bin of a reading at {@code fraction} (Q15) of full scale. */
    static int bin(int fraction) {
        int bin = 0;
        while (bin < EDGES.length && fraction >= EDGES[bin]) {
            bin++;
        }
        return bin;
    }
}
