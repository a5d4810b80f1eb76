package dev.aplysia.hal.world;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.SourceText;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulated robot's body and how it is wired to the board's channels: a disc with two drive wheels, its motors,
 * range sensors, light sensors, bump switch and wheel encoders. Lengths in millimetres, angles in degrees
 * counter-clockwise from the robot's heading, speeds in millimetres per second.
 *
 * <p>Format: line-based text, one declaration per line; {@code #} starts a comment. Channel names are the board
 * config's.
 * <pre>
 * body          radius=80 wheelbase=140 maxspeed=300      # once; maxspeed: wheel speed at full duty
 * motor         left  pwm=motor-left  reverse=motor-left-reverse   # both sides once; reverse is optional
 * motor         right pwm=motor-right
 * sonar         sonar0 angle=0 range=1500 beam=30 rays=5 noise=5   # analog input; noise: sd in mm
 * light-sensor  light-left angle=30                        # analog input
 * bump          bump                                       # digital input, high while pushing on a wall
 * encoder       tick-left wheel=left pitch=5               # digital input, one rising edge per pitch mm
 * </pre>
 * A motor's wheel speed is {@code duty / maxDuty * maxspeed}, backwards while its optional {@code reverse} digital
 * output is high; without one the wheel only drives forward. A sonar reads {@code distance / range * maxValue}
 * counts (rounded, the nearest of {@code rays} rays spread evenly across {@code beam} degrees, measured from the
 * robot's rim), {@code maxValue} when nothing is within range. {@code beam} defaults to 0, {@code rays} to 1 (or 5
 * with a beam), {@code noise} to 0. A light sensor reads {@code min(1, sum of lamp brightness * max(0, cos(angle to
 * lamp))) * maxValue}, walls casting no shadows. Rejected with file and line: an unknown keyword or option, a missing,
 * repeated or bad value, a channel named twice, and a file without {@code body} or either motor.
 *
 * @param source  the name used in messages
 * @param body    the disc and its wheels
 * @param left    the left motor
 * @param right   the right motor
 * @param sonars  range sensors, in file order
 * @param lightSensors light sensors, in file order
 * @param bumps   bump switches (usually one), in file order
 * @param encoders wheel encoders, in file order
 */
public record RobotSpec(String source, Body body, Motor left, Motor right, List<Sonar> sonars,
                        List<LightSensor> lightSensors, List<Bump> bumps, List<Encoder> encoders) {

    /** The disc: {@code radius} mm, wheels {@code wheelBase} mm apart, {@code maxSpeed} mm/s at full duty. */
    public record Body(double radius, double wheelBase, double maxSpeed) {
    }

    /** A drive motor on PWM output {@code pwm}; {@code reverse} names its direction output, empty if it has none. */
    public record Motor(String pwm, String reverse, int line) {

        /** Whether the wheel can turn backwards. */
        public boolean reversible() {
            return !reverse.isEmpty();
        }
    }

    /** A range sensor on analog input {@code name}. */
    public record Sonar(String name, int line, double angleDegrees, double rangeMm, double beamDegrees, int rays,
                        double noiseMm) {
    }

    /** A light sensor on analog input {@code name}, facing {@code angleDegrees} from the heading. */
    public record LightSensor(String name, int line, double angleDegrees) {
    }

    /** A bump switch on digital input {@code name}. */
    public record Bump(String name, int line) {
    }

    /** Which wheel an encoder watches. */
    public enum Wheel { LEFT, RIGHT }

    /** An encoder on digital input {@code name}: one rising edge per {@code pitchMm} of {@code wheel} travel. */
    public record Encoder(String name, int line, Wheel wheel, double pitchMm) {
    }

    /** Copies the lists. */
    public RobotSpec {
        sonars = List.copyOf(sonars);
        lightSensors = List.copyOf(lightSensors);
        bumps = List.copyOf(bumps);
        encoders = List.copyOf(encoders);
    }

    /**
     * Parses robot text; {@code source} names it in messages.
     *
     * @throws HalException {@link ErrorKind#INVALID_CONFIG} listing every rejected line as {@code source:line: why}
     */
    public static RobotSpec parse(String source, String text) throws HalException {
        return new RobotSpecParser(SourceText.of(source, text)).parse();
    }

    /**
     * Reads and parses a robot file.
     *
     * @throws HalException {@link ErrorKind#IO} when unreadable, {@link ErrorKind#INVALID_CONFIG} as for
     *                      {@link #parse}
     */
    public static RobotSpec load(Path file) throws HalException {
        return new RobotSpecParser(SourceText.read(file)).parse();
    }

    /** {@code source:line:}, for messages about a declaration. */
    public String where(int line) {
        return SourceText.where(source, line);
    }
}
