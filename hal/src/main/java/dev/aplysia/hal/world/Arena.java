package dev.aplysia.hal.world;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A walled rectangular room the robot drives in: its size (the outer walls), interior walls, rectangular obstacles,
 * lamps and the robot's start pose. Lengths in millimetres, origin at the lower-left corner, {@code y} up.
 *
 * <p>Format: line-based text, one declaration per line, {@code KEYWORD key=value ...}; {@code #} starts a comment.
 * <pre>
 * arena  width=2000 height=1500               # once: the room, enclosed by four outer walls
 * wall   x1=1000 y1=0 x2=1000 y2=900          # an interior wall segment
 * box    x=300 y=400 width=200 height=150     # a solid obstacle: lower-left corner and size
 * light  x=1800 y=1300 intensity=1 reach=500  # optional lamps: intensity 0..1, half as bright at reach mm
 * start  x=250 y=250 heading=90               # once: the robot's centre and heading (degrees, 0 = +x, ccw)
 * </pre>
 * Rejected, each with file and line: an unknown keyword or option, a missing or repeated option, a bad number, a
 * second {@code arena} or {@code start}, a point outside the room, and a file without {@code arena} or {@code start}.
 * Whether the robot fits at its start is checked when a {@link World} places it there.
 *
 * @param source    the name used in messages, usually the file name
 * @param width     the room's extent along x, mm
 * @param height    the room's extent along y, mm
 * @param walls     the interior walls, in file order
 * @param obstacles the obstacles, in file order
 * @param lights    the lamps, in file order
 * @param start     where the robot starts an episode
 * @param startLine the line declaring {@code start}, for messages
 */
public record Arena(String source, double width, double height, List<Segment> walls, List<Obstacle> obstacles,
                    List<Light> lights, Pose start, int startLine) {

    /** Copies the lists. */
    public Arena {
        walls = List.copyOf(walls);
        obstacles = List.copyOf(obstacles);
        lights = List.copyOf(lights);
    }

    /**
     * Parses arena text; {@code source} names it in messages.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every rejected line as {@code source:line: why}
     */
    public static Arena parse(String source, String text) throws HalException {
        return new ArenaParser(SourceText.of(source, text)).parse();
    }

    /**
     * Reads and parses an arena file.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable, {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link #parse}
     */
    public static Arena load(Path file) throws HalException {
        return new ArenaParser(SourceText.read(file)).parse();
    }

    /** The four outer walls, counter-clockwise from the bottom. */
    public List<Segment> outerWalls() {
        return new Obstacle(0, 0, width, height).sides();
    }

    /** Every solid segment: outer walls, interior walls, then the obstacles' sides. */
    public List<Segment> solidSegments() {
        List<Segment> solid = new ArrayList<>(outerWalls());
        solid.addAll(walls);
        obstacles.forEach(obstacle -> solid.addAll(obstacle.sides()));
        return solid;
    }

    /** {@code source:line:} of the start pose, for messages about it. */
    public String whereStart() {
        return SourceText.where(source, startLine);
    }
}
