package dev.aplysia.hal.world;

/** A straight piece of wall from {@code (x1, y1)} to {@code (x2, y2)}, in millimetres; solid on both sides. */
public record Segment(double x1, double y1, double x2, double y2) {

    /** The distance in millimetres from the point {@code (x, y)} to the nearest point of the segment. */
    public double distanceTo(double x, double y) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double lengthSquared = dx * dx + dy * dy;
        double along = lengthSquared == 0 ? 0 : ((x - x1) * dx + (y - y1) * dy) / lengthSquared;
        double t = Math.max(0, Math.min(1, along));
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }

    /**
     * How far a ray from {@code (x, y)} in the unit direction {@code (dirX, dirY)} travels before it meets the
     * segment, in millimetres; {@link Double#POSITIVE_INFINITY} if it never does (parallel rays included).
     */
    public double rayDistance(double x, double y, double dirX, double dirY) {
        double sx = x2 - x1;
        double sy = y2 - y1;
        double denominator = dirX * sy - dirY * sx;
        if (denominator == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ox = x1 - x;
        double oy = y1 - y;
        double distance = (ox * sy - oy * sx) / denominator;
        double along = (ox * dirY - oy * dirX) / denominator;
        return distance >= 0 && along >= 0 && along <= 1 ? distance : Double.POSITIVE_INFINITY;
    }
}
