package dev.aplysia.hal.world;

import dev.aplysia.hal.HalException;
import dev.aplysia.hal.LineOptions;
import dev.aplysia.hal.LineOptions.LineRejected;
import dev.aplysia.hal.SourceText;
import dev.aplysia.hal.SourceText.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the {@link Arena} format, collecting every rejected line before failing. */
final class ArenaParser {

    private static final double MAX_SIZE = 1_000_000;
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "arena", List.of("width", "height"),
            "wall", List.of("x1", "y1", "x2", "y2"),
            "box", List.of("x", "y", "width", "height"),
            "light", List.of("x", "y", "intensity", "reach"),
            "start", List.of("x", "y", "heading"));
    private static final List<String> KEYWORDS = List.of("arena", "wall", "box", "light", "start");

    private final SourceText text;
    private final List<Segment> walls = new ArrayList<>();
    private final List<Obstacle> obstacles = new ArrayList<>();
    private final List<Light> lights = new ArrayList<>();
    private double width = MAX_SIZE;
    private double height = MAX_SIZE;
    private int arenaLine;
    private Pose start;
    private int startLine;

    ArenaParser(SourceText text) {
        this.text = text;
    }

    Arena parse() throws HalException {
        List<Line> lines = text.lines();
        lines.stream().filter(line -> line.words().get(0).equals("arena")).findFirst().ifPresent(this::sizeRoom);
        for (Line line : lines) {
            try {
                declare(line);
            } catch (LineRejected e) {
                text.reject(line.number(), e.getMessage());
            }
        }
        requireDeclared();
        text.throwIfRejected();
        return new Arena(text.source(), width, height, walls, obstacles, lights, start, startLine);
    }

    /**
     * Reads the room's size first, so that points declared above the {@code arena} line are still checked against it.
     * A bad size is reported when that line is declared; until then the bounds stay at their maximum.
     */
    private void sizeRoom(Line line) {
        try {
            LineOptions options = options(line);
            width = options.number("width", 1, MAX_SIZE);
            height = options.number("height", 1, MAX_SIZE);
        } catch (LineRejected e) {
            width = MAX_SIZE;
            height = MAX_SIZE;
        }
    }

    private void requireDeclared() {
        int last = text.lines().isEmpty() ? 1 : text.lines().get(text.lines().size() - 1).number();
        if (!declares("arena")) {
            text.reject(last, "no 'arena width=... height=...' line: the room's size is required");
        }
        if (!declares("start")) {
            text.reject(last, "no 'start x=... y=... heading=...' line: the robot's start pose is required");
        }
    }

    private boolean declares(String keyword) {
        return text.lines().stream().anyMatch(line -> line.words().get(0).equals(keyword));
    }

    private void declare(Line line) throws LineRejected {
        LineOptions options = options(line);
        switch (line.words().get(0)) {
            case "arena" -> declareArena(line.number(), options);
            case "wall" -> walls.add(new Segment(x(options, "x1"), y(options, "y1"), x(options, "x2"),
                    y(options, "y2")));
            case "box" -> obstacles.add(box(options));
            case "light" -> lights.add(new Light(x(options, "x"), y(options, "y"),
                    options.number("intensity", 0, 1), options.number("reach", 1, MAX_SIZE)));
            default -> declareStart(line.number(), options);
        }
    }

    private static LineOptions options(Line line) throws LineRejected {
        List<String> words = line.words();
        String keyword = words.get(0);
        List<String> allowed = OPTIONS.get(keyword);
        if (allowed == null) {
            throw new LineRejected("unknown keyword '" + keyword + "'; expected one of " + KEYWORDS);
        }
        return new LineOptions(keyword, keyword, words.subList(1, words.size()), allowed);
    }

    private void declareArena(int line, LineOptions options) throws LineRejected {
        if (arenaLine > 0 && arenaLine != line) {
            throw new LineRejected("second 'arena' line; the room was sized on line " + arenaLine);
        }
        arenaLine = line;
        options.number("width", 1, MAX_SIZE);
        options.number("height", 1, MAX_SIZE);
    }

    private void declareStart(int line, LineOptions options) throws LineRejected {
        if (startLine != 0) {
            throw new LineRejected("second 'start' line; the start pose was given on line " + startLine);
        }
        startLine = line;
        start = Pose.ofDegrees(x(options, "x"), y(options, "y"), options.number("heading", -360, 360));
    }

    private Obstacle box(LineOptions options) throws LineRejected {
        double x = x(options, "x");
        double y = y(options, "y");
        double boxWidth = options.number("width", 1, width - x);
        double boxHeight = options.number("height", 1, height - y);
        return new Obstacle(x, y, boxWidth, boxHeight);
    }

    private double x(LineOptions options, String key) throws LineRejected {
        return options.number(key, 0, width);
    }

    private double y(LineOptions options, String key) throws LineRejected {
        return options.number(key, 0, height);
    }
}
