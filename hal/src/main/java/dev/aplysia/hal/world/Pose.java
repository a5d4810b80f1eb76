package dev.aplysia.hal.world;

/**
 * Where the robot is and which way it faces: the centre in millimetres from the arena's lower-left corner ({@code x}
 * to the right, {@code y} up) and the heading in radians, counter-clockwise from the {@code +x} axis.
 */
public record Pose(double x, double y, double heading) {

    /** A pose whose heading is given in degrees. */
    public static Pose ofDegrees(double x, double y, double headingDegrees) {
        return new Pose(x, y, Math.toRadians(headingDegrees));
    }

    /** The heading in degrees, normalised to {@code (-180, 180]}. */
    public double headingDegrees() {
        double degrees = Math.toDegrees(Math.IEEEremainder(heading, 2 * Math.PI));
        return degrees == -180 ? 180 : degrees;
    }
}
