package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.LineOptions;
import dev.aplysia.hal.LineOptions.LineRejected;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.SourceText.Line;
import dev.aplysia.hal.world.RobotSpec.Body;
import dev.aplysia.hal.world.RobotSpec.Bump;
import dev.aplysia.hal.world.RobotSpec.Encoder;
import dev.aplysia.hal.world.RobotSpec.LightSensor;
import dev.aplysia.hal.world.RobotSpec.Motor;
import dev.aplysia.hal.world.RobotSpec.Sonar;
import dev.aplysia.hal.world.RobotSpec.Wheel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the {@link RobotSpec} format, collecting every rejected line before failing. */
final class RobotSpecParser {

    private static final double MAX_LENGTH = 100_000;
    private static final int MAX_RAYS = 64;
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "body", List.of("radius", "wheelbase", "maxspeed"),
            "motor", List.of("pwm", "reverse"),
            "sonar", List.of("angle", "range", "beam", "rays", "noise"),
            "light-sensor", List.of("angle"),
            "bump", List.of(),
            "encoder", List.of("wheel", "pitch"));
    private static final List<String> KEYWORDS = List.of("body", "motor", "sonar", "light-sensor", "bump", "encoder");
    private static final List<String> SIDES = List.of("left", "right");

    private final SourceText text;
    private final Map<String, Integer> channelLines = new HashMap<>();
    private final Map<String, Motor> motors = new HashMap<>();
    private final List<Sonar> sonars = new ArrayList<>();
    private final List<LightSensor> lightSensors = new ArrayList<>();
    private final List<Bump> bumps = new ArrayList<>();
    private final List<Encoder> encoders = new ArrayList<>();
    private Body body;
    private int bodyLine;

    RobotSpecParser(SourceText text) {
        this.text = text;
    }

    RobotSpec parse() throws HalException {
        for (Line line : text.lines()) {
            try {
                declare(line);
            } catch (LineRejected e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        requireDeclared();
        text.throwIfRejected();
        return new RobotSpec(text.source(), body, motors.get("left"), motors.get("right"), sonars, lightSensors, bumps,
                encoders);
    }

    private void requireDeclared() {
        int last = text.lines().isEmpty() ? 1 : text.lines().get(text.lines().size() - 1).number();
        if (!declares("body")) {
            text.reject(last, "no 'body radius=... wheelbase=... maxspeed=...' line");
        }
        for (String side : SIDES) {
            if (!declares("motor", side)) {
                text.reject(last, "no 'motor " + side + " pwm=...' line");
            }
        }
    }

    /** Whether some line, good or bad, starts with {@code words}. */
    private boolean declares(String... words) {
        List<String> start = List.of(words);
        return text.lines().stream().anyMatch(line -> line.words().size() >= start.size()
                && line.words().subList(0, start.size()).equals(start));
    }

    private void declare(Line line) throws LineRejected {
        List<String> words = line.words();
        String keyword = words.get(0);
        List<String> allowed = OPTIONS.get(keyword);
        if (allowed == null) {
            throw new LineRejected("unknown keyword '" + keyword + "'; expected one of " + KEYWORDS);
        }
        if (keyword.equals("body")) {
            declareBody(line.number(), new LineOptions(keyword, keyword, words.subList(1, words.size()), allowed));
            return;
        }
        if (words.size() < 2 || words.get(1).contains("=")) {
            throw new LineRejected(keyword + " needs a " + (keyword.equals("motor") ? "side, left or right" : "name"));
        }
        String name = words.get(1);
        String subject = keyword + " '" + name + "'";
        LineOptions options = new LineOptions(subject, subject, words.subList(2, words.size()), allowed);
        declareNamed(keyword, name, line.number(), options);
    }

    private void declareNamed(String keyword, String name, int line, LineOptions options) throws LineRejected {
        switch (keyword) {
            case "motor" -> declareMotor(name, line, options);
            case "sonar" -> sonars.add(sonar(name, line, options));
            case "light-sensor" -> lightSensors.add(new LightSensor(claim(name, line), line, angle(options)));
            case "bump" -> bumps.add(new Bump(claim(name, line), line));
            default -> encoders.add(encoder(name, line, options));
        }
    }

    private void declareBody(int line, LineOptions options) throws LineRejected {
        if (body != null) {
            throw new LineRejected("second 'body' line; the body was given on line " + bodyLine);
        }
        body = new Body(options.number("radius", 1, MAX_LENGTH), options.number("wheelbase", 1, MAX_LENGTH),
                options.number("maxspeed", 0, MAX_LENGTH));
        bodyLine = line;
    }

    private void declareMotor(String side, int line, LineOptions options) throws LineRejected {
        if (!SIDES.contains(side)) {
            throw new LineRejected("motor side '" + side + "' is not one of " + SIDES);
        }
        claim(side + " motor", line);
        String pwm = claim(options.word("pwm"), line);
        String reverse = options.has("reverse") ? claim(options.word("reverse"), line) : "";
        motors.put(side, new Motor(pwm, reverse, line));
    }

    private Sonar sonar(String name, int line, LineOptions options) throws LineRejected {
        double beam = options.number("beam", 0, 180, 0);
        int rays = options.integer("rays", 1, MAX_RAYS, beam == 0 ? 1 : 5);
        return new Sonar(claim(name, line), line, angle(options), options.number("range", 1, MAX_LENGTH), beam, rays,
                options.number("noise", 0, MAX_LENGTH, 0));
    }

    private Encoder encoder(String name, int line, LineOptions options) throws LineRejected {
        String wheel = options.word("wheel");
        if (!SIDES.contains(wheel)) {
            throw new LineRejected("wheel '" + wheel + "' is not one of " + SIDES);
        }
        double pitch = options.number("pitch", 0.01, MAX_LENGTH);
        return new Encoder(claim(name, line), line, Wheel.valueOf(wheel.toUpperCase(Locale.ROOT)), pitch);
    }

    private static double angle(LineOptions options) throws LineRejected {
        return options.number("angle", -360, 360);
    }

    /** Claims a channel (or a motor side) for one declaration. */
    private String claim(String name, int line) throws LineRejected {
        Integer first = channelLines.putIfAbsent(name, line);
        if (first != null) {
            throw new LineRejected("'" + name + "' is already declared on line " + first);
        }
        return name;
    }
}
