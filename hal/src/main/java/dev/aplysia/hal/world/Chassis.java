package dev.aplysia.hal.world;

import dev.aplysia.hal.world.RobotSpec.Body;
import java.util.List;

/**
 * The robot's disc moving among solid segments: differential-drive kinematics integrated exactly over a step (an arc
 * at constant wheel speeds), the translation clipped at first contact so that the disc never overlaps a segment. The
 * turn is always applied in full: a disc turning about its centre cannot hit anything. Allocates nothing per step.
 */
final class Chassis {

    private static final int CONTACT_SEARCH_STEPS = 30;
    private static final double STRAIGHT = 1e-12;

    private final double radius;
    private final double wheelBase;
    private Segment[] solid;
    private int[] nearby;
    private double x;
    private double y;
    private double heading;

    Chassis(Body body, List<Segment> solid, Pose pose) {
        this.radius = body.radius();
        this.wheelBase = body.wheelBase();
        use(solid);
        place(pose);
    }

    /** Replaces the segments the disc collides with. */
    void use(List<Segment> segments) {
        solid = segments.toArray(new Segment[0]);
        nearby = new int[solid.length];
    }

    /** Puts the disc at {@code pose}, whether or not it fits there. */
    void place(Pose pose) {
        x = pose.x();
        y = pose.y();
        heading = pose.heading();
    }

    /** Whether the disc at {@code (px, py)} keeps at least its radius from every segment. */
    boolean fits(double px, double py) {
        return clearance(px, py, solid.length, null) >= radius;
    }

    /**
     * Moves for {@code seconds} with the wheels' ground speeds {@code left} and {@code right} (mm/s, negative
     * backwards).
     *
     * @return whether the move was stopped by contact
     */
    boolean move(double left, double right, double seconds) {
        double speed = (left + right) / 2;
        double turn = (right - left) / wheelBase * seconds;
        double dx;
        double dy;
        if (Math.abs(turn) < STRAIGHT) {
            dx = speed * seconds * Math.cos(heading);
            dy = speed * seconds * Math.sin(heading);
        } else {
            double arcRadius = speed * seconds / turn;
            dx = arcRadius * (Math.sin(heading + turn) - Math.sin(heading));
            dy = -arcRadius * (Math.cos(heading + turn) - Math.cos(heading));
        }
        heading += turn;
        return translate(dx, dy);
    }

    private boolean translate(double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return false;
        }
        int candidates = collectNearby(Math.hypot(dx, dy));
        if (clearance(x + dx, y + dy, candidates, nearby) >= radius) {
            x += dx;
            y += dy;
            return false;
        }
        double fraction = contactFraction(dx, dy, candidates);
        x += fraction * dx;
        y += fraction * dy;
        return true;
    }

    /** The segments the disc could reach within {@code reach} mm, into {@link #nearby}; returns how many. */
    private int collectNearby(double reach) {
        int count = 0;
        for (int i = 0; i < solid.length; i++) {
            if (solid[i].distanceTo(x, y) < radius + reach) {
                nearby[count++] = i;
            }
        }
        return count;
    }

    /** The largest share of the move, found by bisection, that keeps the disc clear of the nearby segments. */
    private double contactFraction(double dx, double dy, int candidates) {
        double clear = 0;
        double blocked = 1;
        for (int i = 0; i < CONTACT_SEARCH_STEPS; i++) {
            double middle = (clear + blocked) / 2;
            if (clearance(x + middle * dx, y + middle * dy, candidates, nearby) >= radius) {
                clear = middle;
            } else {
                blocked = middle;
            }
        }
        return clear;
    }

    private double clearance(double px, double py, int count, int[] indices) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            Segment segment = solid[indices == null ? i : indices[i]];
            nearest = Math.min(nearest, segment.distanceTo(px, py));
        }
        return nearest;
    }

    /** The pose now. */
    Pose pose() {
        return new Pose(x, y, heading);
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double heading() {
        return heading;
    }

    double radius() {
        return radius;
    }
}
