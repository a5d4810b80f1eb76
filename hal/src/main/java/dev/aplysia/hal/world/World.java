package dev.aplysia.hal.world;

import dev.aplysia.hal.Board;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.SimDigitalInput;
import dev.aplysia.hal.sim.VirtualClock;
import dev.aplysia.hal.storage.Storage;
import dev.aplysia.hal.time.WallClock;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated board inside a 2D arena: a {@link Board} whose motor outputs move a differential-drive robot and whose
 * sensor inputs read the arena around it. Every other channel, the clock, storage and fault injection are those of
 * the wrapped {@link SimBoard} ({@link #simBoard()}, for scenarios and faults).
 *
 * <p>Time: the world moves in fixed physics steps ({@link Builder#step}, 1 ms by default) and catches up with the
 * board's {@link VirtualClock} lazily, whenever the firmware touches a channel the world owns (a sensor read, a bump
 * or encoder read, a motor or reverse-line write) and whenever an observer asks ({@link #pose}, {@link #trajectory},
 * ...). So it does not matter who moves the clock (the pacer, {@code spend}, a scenario's {@code advance}); the steps
 * are the same. A duty written mid-step drives that whole step. A sensor is computed at its read, from the pose at
 * the last whole step.
 *
 * <p>Contact: a step whose move would bring the robot's disc closer than its radius to a wall stops it at contact;
 * while that is so, every bump switch reads high, and each time the robot comes into contact one {@link Collision}
 * is recorded. Deterministic: the same board, robot, arena, seed and firmware give the same steps and readings.
 * Not thread-safe, like the board it wraps.
 */
public final class World implements Board {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long DEFAULT_STEP_NANOS = 1_000_000L;

    private final SimBoard board;
    private final RobotSpec robot;
    private final long stepNanos;
    private final double stepSeconds;
    private final WorldWiring wiring;
    private final Chassis chassis;
    private final Trajectory trajectory = new Trajectory();
    private final List<Collision> collisions = new ArrayList<>();
    private Arena arena;
    private Segment[] solid;
    private long simulatedNanos;
    private boolean inContact;
    private int episode;
    private double distanceMm;
    private double forwardMm;
    private long contactNanos;

    private World(Builder builder) throws HalException {
        board = builder.board;
        robot = builder.robot;
        stepNanos = builder.stepNanos;
        stepSeconds = (double) stepNanos / NANOS_PER_SECOND;
        arena = builder.arena;
        solid = arena.solidSegments().toArray(new Segment[0]);
        chassis = new Chassis(robot.body(), arena.solidSegments(), arena.start());
        wiring = new WorldWiring(board, robot, builder.seed, this::catchUp, this::readSonar, this::readLight);
        requireFits(arena.start(), arena.whereStart() + " the start pose");
        simulatedNanos = board.clock().nanos();
        trajectory.add(simulatedNanos, arena.start(), episode);
    }

    /** A world on a fresh simulated board with the channels {@code config} declares. */
    public static World of(BoardConfig config, RobotSpec robot, Arena arena, long seed) throws HalException {
        return builder(SimBoard.of(config), robot, arena).seed(seed).build();
    }

    /** A builder for a world around {@code board}, which must have every channel {@code robot} names. */
    public static Builder builder(SimBoard board, RobotSpec robot, Arena arena) {
        return new Builder(board, robot, arena);
    }

    /** Runs the physics steps that fit between the last one and the board clock's time now. */
    public void catchUp() {
        long now = board.clock().nanos();
        while (now - simulatedNanos >= stepNanos) {
            simulatedNanos += stepNanos;
            step();
        }
    }

    private void step() {
        double left = wiring.left().speed();
        double right = wiring.right().speed();
        double fromX = chassis.x();
        double fromY = chassis.y();
        double fromHeading = chassis.heading();
        boolean blocked = chassis.move(left, right, stepSeconds);
        double dx = chassis.x() - fromX;
        double dy = chassis.y() - fromY;
        distanceMm += Math.hypot(dx, dy);
        forwardMm += dx * Math.cos(fromHeading) + dy * Math.sin(fromHeading);
        touch(blocked);
        for (WheelEncoder encoder : wiring.encoders()) {
            encoder.turn(left, right, stepSeconds);
        }
        trajectory.add(simulatedNanos, chassis.x(), chassis.y(), chassis.heading(), episode);
    }

    private void touch(boolean blocked) {
        if (blocked && !inContact) {
            collisions.add(new Collision(simulatedNanos, chassis.x(), chassis.y()));
        }
        inContact = blocked;
        contactNanos += blocked ? stepNanos : 0;
        for (SimDigitalInput bump : wiring.bumps()) {
            bump.drive(blocked);
        }
    }

    private int readSonar(RangeFinder finder) {
        return finder.counts(chassis, solid);
    }

    private int readLight(LightMeter meter) {
        return meter.counts(chassis, arena.lights());
    }

    /**
     * Starts a new episode: catches up, then puts the robot back at the arena's start pose, bump released.
     * Observations are kept; later samples carry the next episode number.
     */
    public void resetToStart() throws HalException {
        beginEpisode(arena.start(), arena.whereStart() + " the start pose");
    }

    /**
     * Starts a new episode at {@code pose}.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} when the robot does not fit there
     */
    public void teleport(Pose pose) throws HalException {
        beginEpisode(pose, "pose");
    }

    private void beginEpisode(Pose pose, String what) throws HalException {
        catchUp();
        requireFits(pose, what);
        chassis.place(pose);
        touch(false);
        episode++;
        trajectory.add(simulatedNanos, pose, episode);
    }

    /**
     * Swaps the arena, keeping the board, the robot and the observations, and starts a new episode at the new arena's
     * start pose: the "second arena" of a forgetting experiment.
     *
     * @throws HalException {@link ErrorKind#INVALID_ARGUMENT} when the robot does not fit at that start pose
     */
    public void useArena(Arena next) throws HalException {
        catchUp();
        Arena previous = arena;
        setArena(next);
        try {
            beginEpisode(next.start(), next.whereStart() + " the start pose");
        } catch (HalException e) {
            setArena(previous);
            throw e;
        }
    }

    private void setArena(Arena next) {
        arena = next;
        solid = next.solidSegments().toArray(new Segment[0]);
        chassis.use(next.solidSegments());
    }

    private void requireFits(Pose pose, String what) throws HalException {
        boolean inRoom = pose.x() > 0 && pose.x() < arena.width() && pose.y() > 0 && pose.y() < arena.height();
        boolean inObstacle = arena.obstacles().stream().anyMatch(box -> box.contains(pose.x(), pose.y()));
        if (!inRoom || inObstacle || !chassis.fits(pose.x(), pose.y())) {
            throw new HalException(ErrorKind.INVALID_ARGUMENT, what + " (" + pose.x() + ", " + pose.y()
                    + ") puts the robot (radius " + chassis.radius() + " mm) outside the room of " + arena.source()
                    + " or into one of its walls or obstacles");
        }
    }

    /** The arena the robot is in now. */
    public Arena arena() {
        return arena;
    }

    /** The robot's body and wiring. */
    public RobotSpec robot() {
        return robot;
    }

    /** The robot's pose at the last step, after catching up. */
    public Pose pose() {
        catchUp();
        return chassis.pose();
    }

    /** The board-clock time of the last physics step, after catching up. */
    public long simulatedNanos() {
        catchUp();
        return simulatedNanos;
    }

    /** The episode now: 0 at start, one more after each reset, teleport or change of arena. */
    public int episode() {
        return episode;
    }

    /** Every pose so far, one per step plus one per episode start, after catching up. */
    public Trajectory trajectory() {
        catchUp();
        return trajectory;
    }

    /** Every contact so far, in time order, after catching up. */
    public List<Collision> collisions() {
        catchUp();
        return List.copyOf(collisions);
    }

    /** The length of the path the robot's centre has travelled, mm, after catching up; teleports do not count. */
    public double distanceMm() {
        catchUp();
        return distanceMm;
    }

    /** The forward progress, mm: each step's move along the heading it started with, backing up counting negative. */
    public double forwardMm() {
        catchUp();
        return forwardMm;
    }

    /**
     * The time the robot spent pushing on something (its bump switch closed), after catching up: a robot pinned to a
     * wall makes one {@link Collision} however long it pushes, so this is the other half of how much it collides.
     */
    public long contactNanos() {
        catchUp();
        return contactNanos;
    }

    /** Drops the trajectory and collisions and zeroes the distances and contact time, keeping the pose. */
    public void clearObservations() {
        catchUp();
        trajectory.clear();
        collisions.clear();
        distanceMm = 0;
        forwardMm = 0;
        contactNanos = 0;
        trajectory.add(simulatedNanos, chassis.pose(), episode);
    }

    /** The simulated board underneath: where to drive other inputs, inject faults and run scenarios. */
    public SimBoard simBoard() {
        return board;
    }

    @Override
    public DigitalInput digitalInput(String name) throws HalException {
        DigitalInput sensed = wiring.digitalInputs().get(name);
        return sensed != null ? sensed : board.digitalInput(name);
    }

    @Override
    public DigitalOutput digitalOutput(String name) throws HalException {
        DigitalOutput direction = wiring.digitalOutputs().get(name);
        return direction != null ? direction : board.digitalOutput(name);
    }

    @Override
    public PwmOutput pwmOutput(String name) throws HalException {
        PwmOutput motor = wiring.pwmOutputs().get(name);
        return motor != null ? motor : board.pwmOutput(name);
    }

    @Override
    public AnalogInput analogInput(String name) throws HalException {
        AnalogInput sensed = wiring.analogInputs().get(name);
        return sensed != null ? sensed : board.analogInput(name);
    }

    @Override
    public VirtualClock clock() {
        return board.clock();
    }

    @Override
    public VirtualClock pacer() {
        return board.pacer();
    }

    @Override
    public WallClock wallClock() {
        return board.wallClock();
    }

    @Override
    public Storage storage() {
        return board.storage();
    }

    @Override
    public void beginTick(long tick) {
        board.beginTick(tick);
    }

    @Override
    public void close() {
        board.close();
    }

    /** Configures a world; {@link #build} checks the robot's wiring against the board. */
    public static final class Builder {

        private final SimBoard board;
        private final RobotSpec robot;
        private final Arena arena;
        private long seed;
        private long stepNanos = DEFAULT_STEP_NANOS;

        private Builder(SimBoard board, RobotSpec robot, Arena arena) {
            this.board = board;
            this.robot = robot;
            this.arena = arena;
        }

        /** Seeds the sensors' noise; 0 unless set. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the physics step, ns (1 ms unless set).
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder step(long nanos) {
            if (nanos < 1) {
                throw new IllegalArgumentException("the physics step must be at least 1 ns, was " + nanos);
            }
            this.stepNanos = nanos;
            return this;
        }

        /**
         * The world, with the robot at the arena's start pose.
         *
         * @throws HalException {@link ErrorKind#INVALID_CONFIG} naming {@code robot-file:line} for every channel the
         *                      board lacks or has with another kind; {@link ErrorKind#INVALID_ARGUMENT} naming
         *                      {@code arena-file:line} when the robot does not fit at the start pose
         */
        public World build() throws HalException {
            return new World(this);
        }
    }
}
