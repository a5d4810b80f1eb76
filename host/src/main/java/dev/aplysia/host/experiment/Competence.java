package dev.aplysia.host.experiment;

/**
 * When a policy drives well enough: a minute in which it meets the two floors against the same seed's
 * baselines in the same arena, that is, at most {@link #COLLISIONS_OF_RANDOM} of the random policy's contacts per
 * minute and at least {@link #DISTANCE_OF_BRAITENBERG} of the Braitenberg avoider's forward progress per minute, each
 * baseline averaged over the same stretch of minutes. A policy becomes competent at the first minute from which every
 * later minute of the stretch is competent; the experience it needed is the minutes before that one.
 *
 * @param maxCollisions most contacts in a competent minute
 * @param minDistance   least forward progress in a competent minute, mm
 */
record Competence(double maxCollisions, double minDistance) {

    /** A competent minute's contacts, as a fraction of the random policy's. */
    static final double COLLISIONS_OF_RANDOM = 0.2;
    /** A competent minute's forward progress, as a fraction of the Braitenberg avoider's. */
    static final double DISTANCE_OF_BRAITENBERG = 0.7;

    /** The bar of minutes {@code from..to-1}, from the same seed's {@code random} and {@code braitenberg} runs. */
    static Competence of(WorldRun random, WorldRun braitenberg, int from, int to) {
        return new Competence(COLLISIONS_OF_RANDOM * random.collisionsPerMinute(from, to),
                DISTANCE_OF_BRAITENBERG * braitenberg.distancePerMinute(from, to));
    }

    /** Whether {@code run}'s minute {@code minute} clears the bar. */
    boolean met(WorldRun run, int minute) {
        return run.collisionsPerMinute()[minute] <= maxCollisions && run.distancePerMinute()[minute] >= minDistance;
    }

    /**
     * Minutes of experience within {@code from..to-1} before {@code run} is competent for the rest of the stretch:
     * 0 if competent throughout, -1 if its last minute is not competent.
     */
    int minutesToReach(WorldRun run, int from, int to) {
        int first = to;
        while (first > from && met(run, first - 1)) {
            first--;
        }
        return first == to ? -1 : first - from;
    }
}
