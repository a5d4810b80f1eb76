package dev.aplysia.hal.world;

import java.util.List;

/** A solid axis-aligned rectangle: lower-left corner {@code (x, y)}, {@code width} along x, {@code height} along y, mm. */
public record Obstacle(double x, double y, double width, double height) {

    /** Its four sides, counter-clockwise from the bottom. */
    public List<Segment> sides() {
        double right = x + width;
        double top = y + height;
        return List.of(new Segment(x, y, right, y), new Segment(right, y, right, top),
                new Segment(right, top, x, top), new Segment(x, top, x, y));
    }

    /** Whether the point {@code (px, py)} lies inside or on the rectangle. */
    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }
}
