package dev.aplysia.host.agent;

import java.util.Arrays;

/**
 * What the robot senses at one decision: its distance sensors and optional light sensors as raw ADC counts, and its
 * bump switch. Immutable; the arrays given are copied.
 *
 * <p>A distance count is proportional to the free distance along the sensor's beam, measured from the body's rim:
 * 0 is touching, {@link #distanceFullScale()} is nothing within the sensor's range (the range in millimetres, and
 * where each sensor points, are a {@link SensorGeometry}'s). A light count grows with the light falling on the
 * sensor, 0..{@link #lightFullScale()}. Sensor {@code i} here is sensor {@code i} of the geometry.
 */
public final class Observation {

    private final int[] distances;
    private final int distanceFullScale;
    private final boolean bumped;
    private final int[] light;
    private final int lightFullScale;

    /**
     * An observation with light sensors.
     *
     * @param distances         one count per distance sensor, 0..{@code distanceFullScale}; at least one
     * @param distanceFullScale the distance ADC's maximum count, ≥ 1
     * @param bumped            whether the bump switch is closed
     * @param light             one count per light sensor, 0..{@code lightFullScale}; may be empty
     * @param lightFullScale    the light ADC's maximum count, ≥ 1
     */
    public Observation(int[] distances, int distanceFullScale, boolean bumped, int[] light, int lightFullScale) {
        if (distances.length == 0 || distanceFullScale < 1 || lightFullScale < 1) {
            throw new IllegalArgumentException("need a distance sensor and full scales >= 1");
        }
        this.distances = checkedCopy("distance", distances, distanceFullScale);
        this.distanceFullScale = distanceFullScale;
        this.bumped = bumped;
        this.light = checkedCopy("light", light, lightFullScale);
        this.lightFullScale = lightFullScale;
    }

    /** An observation of a robot without light sensors. */
    public static Observation withoutLight(int[] distances, int distanceFullScale, boolean bumped) {
        return new Observation(distances, distanceFullScale, bumped, new int[0], 1);
    }

    /** Distance sensors, ≥ 1. */
    public int distanceSensors() {
        return distances.length;
    }

    /** Sensor {@code sensor}'s count, 0..{@link #distanceFullScale()}. */
    public int distance(int sensor) {
        return distances[sensor];
    }

    /** Sensor {@code sensor}'s count as a fraction of full scale, 0..1 (0 touching, 1 nothing in range). */
    public double distanceFraction(int sensor) {
        return distances[sensor] / (double) distanceFullScale;
    }

    /** The distance ADC's maximum count. */
    public int distanceFullScale() {
        return distanceFullScale;
    }

    /** Whether the bump switch is closed. */
    public boolean bumped() {
        return bumped;
    }

    /** Light sensors, ≥ 0. */
    public int lightSensors() {
        return light.length;
    }

    /** Light sensor {@code sensor}'s count as a fraction of full scale, 0..1. */
    public double lightFraction(int sensor) {
        return light[sensor] / (double) lightFullScale;
    }

    /** The light ADC's maximum count (1 when there are no light sensors). */
    public int lightFullScale() {
        return lightFullScale;
    }

    @Override
    public String toString() {
        return "Observation[distances=" + Arrays.toString(distances) + "/" + distanceFullScale + ", bumped=" + bumped
                + ", light=" + Arrays.toString(light) + "/" + lightFullScale + "]";
    }

    private static int[] checkedCopy(String kind, int[] counts, int fullScale) {
        for (int count : counts) {
            if (count < 0 || count > fullScale) {
                throw new IllegalArgumentException(kind + " count " + count + " is not within 0.." + fullScale);
            }
        }
        return counts.clone();
    }
}
