package dev.aplysia.hal.world;

import dev.aplysia.hal.world.RobotSpec.LightSensor;
import java.util.List;

/** One light sensor's reading on the robot's rim ({@link RobotSpec} gives the formula); walls cast no shadows. */
final class LightMeter {

    private final double mountAngle;
    private final int maxValue;

    LightMeter(LightSensor sensor, int maxValue) {
        this.mountAngle = Math.toRadians(sensor.angleDegrees());
        this.maxValue = maxValue;
    }

    /** The counts the sensor reads with the robot at {@code chassis} among {@code lights}. */
    int counts(Chassis chassis, List<Light> lights) {
        double facing = chassis.heading() + mountAngle;
        double dirX = Math.cos(facing);
        double dirY = Math.sin(facing);
        double sensorX = chassis.x() + chassis.radius() * dirX;
        double sensorY = chassis.y() + chassis.radius() * dirY;
        double total = 0;
        for (Light light : lights) {
            double toX = light.x() - sensorX;
            double toY = light.y() - sensorY;
            double distance = Math.hypot(toX, toY);
            double cosine = distance == 0 ? 1 : (toX * dirX + toY * dirY) / distance;
            total += light.brightnessAt(distance) * Math.max(0, cosine);
        }
        return (int) Math.round(Math.min(1, total) * maxValue);
    }
}
