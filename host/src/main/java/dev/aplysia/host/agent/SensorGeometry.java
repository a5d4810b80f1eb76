package dev.aplysia.host.agent;

import java.util.Arrays;

/**
 * Where a robot's distance sensors point and what a reading means in millimetres, with the two lengths of the body
 * and its motion that a hand-written policy's thresholds come from. Immutable.
 *
 * <p>Bearings are degrees from straight ahead, positive to the left (anticlockwise seen from above), in
 * −180..180; sensors sit on the rim of a round body and read the free distance from the rim along the beam, 0 at
 * count 0 up to {@link #rangeMillimetres()} at full scale, linearly.
 */
public final class SensorGeometry {

    private final double[] bearingsDegrees;
    private final double rangeMillimetres;
    private final double bodyRadiusMillimetres;
    private final double stepMillimetres;

    /**
     * @param bearingsDegrees       one bearing per distance sensor, in {@link Observation} order; at least one
     * @param rangeMillimetres      the distance a full-scale reading means, {@code > 0}
     * @param bodyRadiusMillimetres the round body's radius, {@code > 0}
     * @param stepMillimetres       how far {@link DriveCommand#FORWARD} carries the robot in one decision period,
     *                              {@code > 0}
     */
    public SensorGeometry(double[] bearingsDegrees, double rangeMillimetres, double bodyRadiusMillimetres,
                          double stepMillimetres) {
        if (bearingsDegrees.length == 0 || !(rangeMillimetres > 0) || !(bodyRadiusMillimetres > 0)
                || !(stepMillimetres > 0)) {
            throw new IllegalArgumentException("need a sensor, and range, radius and step > 0");
        }
        for (double bearing : bearingsDegrees) {
            if (!(bearing >= -180 && bearing <= 180)) {
                throw new IllegalArgumentException("bearing " + bearing + " is not within -180..180 degrees");
            }
        }
        this.bearingsDegrees = bearingsDegrees.clone();
        this.rangeMillimetres = rangeMillimetres;
        this.bodyRadiusMillimetres = bodyRadiusMillimetres;
        this.stepMillimetres = stepMillimetres;
    }

    /** Distance sensors. */
    public int sensors() {
        return bearingsDegrees.length;
    }

    /** Sensor {@code sensor}'s bearing, degrees, positive to the left. */
    public double bearingDegrees(int sensor) {
        return bearingsDegrees[sensor];
    }

    /** The free distance a full-scale reading means, millimetres from the rim. */
    public double rangeMillimetres() {
        return rangeMillimetres;
    }

    /** The body's radius, millimetres. */
    public double bodyRadiusMillimetres() {
        return bodyRadiusMillimetres;
    }

    /** Forward travel in one decision period, millimetres. */
    public double stepMillimetres() {
        return stepMillimetres;
    }

    @Override
    public String toString() {
        return "SensorGeometry[bearings=" + Arrays.toString(bearingsDegrees) + "°, range=" + rangeMillimetres
                + " mm, radius=" + bodyRadiusMillimetres + " mm, step=" + stepMillimetres + " mm]";
    }
}
