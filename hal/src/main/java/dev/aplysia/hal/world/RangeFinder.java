package dev.aplysia.hal.world;

import dev.aplysia.hal.world.RobotSpec.Sonar;
import java.util.SplittableRandom;

/**
 * One sonar's reading: rays cast from the robot's rim across the beam, the nearest hit, seeded Gaussian noise, scaled
 * to ADC counts ({@link RobotSpec} gives the formula). Each sonar has its own random stream, so the readings of one do
 * not depend on how often the firmware reads another.
 */
final class RangeFinder {

    private final double mountAngle;
    private final double range;
    private final double noise;
    private final double[] rayOffsets;
    private final int maxValue;
    private final SplittableRandom random;

    RangeFinder(Sonar sonar, int maxValue, SplittableRandom random) {
        this.mountAngle = Math.toRadians(sonar.angleDegrees());
        this.range = sonar.rangeMm();
        this.noise = sonar.noiseMm();
        this.maxValue = maxValue;
        this.random = random;
        this.rayOffsets = new double[sonar.rays()];
        double beam = Math.toRadians(sonar.beamDegrees());
        for (int i = 0; i < rayOffsets.length; i++) {
            rayOffsets[i] = rayOffsets.length == 1 ? 0 : -beam / 2 + beam * i / (rayOffsets.length - 1);
        }
    }

    /** The counts the sonar reads with the robot at {@code chassis} among {@code solid}; draws one noise sample. */
    int counts(Chassis chassis, Segment[] solid) {
        double distance = nearestHit(chassis, solid);
        if (distance > range) {
            return maxValue;
        }
        double noisy = Math.max(0, Math.min(range, distance + noise * random.nextGaussian()));
        return (int) Math.round(noisy / range * maxValue);
    }

    /** The distance in mm from the rim to the nearest segment along any ray, infinite if none is hit. */
    double nearestHit(Chassis chassis, Segment[] solid) {
        double facing = chassis.heading() + mountAngle;
        double originX = chassis.x() + chassis.radius() * Math.cos(facing);
        double originY = chassis.y() + chassis.radius() * Math.sin(facing);
        double nearest = Double.POSITIVE_INFINITY;
        for (double offset : rayOffsets) {
            double dirX = Math.cos(facing + offset);
            double dirY = Math.sin(facing + offset);
            for (Segment segment : solid) {
                nearest = Math.min(nearest, segment.rayDistance(originX, originY, dirX, dirY));
            }
        }
        return nearest;
    }
}
