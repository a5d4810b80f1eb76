package dev.aplysia.hal.world;

/**
 * A lamp at {@code (x, y)} mm. Its brightness at distance {@code d} is {@code intensity / (1 + (d / reach)^2)}: the
 * full {@code intensity} (0..1 of a light sensor's full scale) at the lamp, half of it at {@code reach} mm.
 */
public record Light(double x, double y, double intensity, double reach) {

    /** The brightness this lamp gives at distance {@code distance} mm, before the sensor's angle is taken into account. */
    public double brightnessAt(double distance) {
        double relative = distance / reach;
        return intensity / (1 + relative * relative);
    }
}
