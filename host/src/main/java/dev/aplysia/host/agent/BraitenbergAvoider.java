package dev.aplysia.host.agent;

/**
 * A hand-written obstacle avoider after Braitenberg's vehicles: forward while the path is clear, otherwise turn away
 * from the side with the nearer obstacle and keep turning that way until the path is clear. Never learns; its
 * distance per minute is the bar the floor scales (0.7 × this agent's).
 *
 * <p><b>When the path is not clear.</b> The bump switch is closed, or some forward-facing sensor (bearing
 * {@code |θ| < 90°}) sees an obstacle inside the <i>guard box</i> ahead of the body's centre: up to the lookahead
 * {@code L = 2r + 2s} forward and within {@code w = 1.25 r} either side ({@code r} body radius, {@code s} one
 * decision period's forward travel). {@code L} is the body's front ({@code r}), plus the forward creep of a pivot turn
 * (the centre moves on an arc of half the wheel base, about {@code r}), plus one period for the reading's age and one
 * for the turn's first period; {@code w} is the half-width the body sweeps with a quarter-radius of clearance. A
 * sensor at {@code θ} reading {@code d} from the rim sees a point {@code (r + d)} from the centre, inside the box when
 * {@code (r + d) cos θ < L} and {@code (r + d) |sin θ| < w}; so each sensor's trigger distance is
 * {@code min(L / cos θ, w / |sin θ|) − r}, computed once from the {@link SensorGeometry}. A full-scale reading (nothing
 * in range) never triggers.
 *
 * <p><b>Which way to turn.</b> Away from the side whose nearest reading is nearer: left sensors have
 * {@code 0 < θ ≤ 90°}, right ones {@code −90° ≤ θ < 0}; a tie (an obstacle seen only dead ahead, or symmetric walls)
 * turns left. Once turning, the robot keeps the same direction while the path stays blocked: re-deciding each period
 * dithers left-right in a corner, which is the classic way a Braitenberg vehicle gets stuck.
 *
 * <p><b>Costs.</b> State: one trigger count per sensor (a board converts the trigger distances to counts of its ADC
 * once), {@value #TRIGGER_BYTES} bytes each, and the last command, 1 byte. Operations: at most two comparisons per
 * sensor (the guard box, then the nearer side).
 */
public final class BraitenbergAvoider implements ClosedLoopAgent {

    /** Lookahead beyond the body's radius, in body radii: the pivot turn's forward creep. */
    public static final double LOOKAHEAD_RADII = 2;
    /** Lookahead in decision periods of forward travel: the reading's age and the turn's first period. */
    public static final double LOOKAHEAD_STEPS = 2;
    /** Half-width of the guard box, in body radii. */
    public static final double HALF_WIDTH_RADII = 1.25;
    /** Bytes of one stored trigger count: ADC counts up to 16 bits. */
    public static final int TRIGGER_BYTES = 2;

    private final SensorGeometry geometry;
    /** Per sensor, the largest free distance that blocks the path, as a fraction of the range; −1 never blocks. */
    private final double[] triggerFractions;
    private DriveCommand previous = DriveCommand.FORWARD;

    /** An avoider for a robot with {@code geometry}; observations must come from the same sensors. */
    public BraitenbergAvoider(SensorGeometry geometry) {
        this.geometry = geometry;
        this.triggerFractions = new double[geometry.sensors()];
        for (int s = 0; s < geometry.sensors(); s++) {
            triggerFractions[s] = triggerMillimetres(geometry, s) / geometry.rangeMillimetres();
        }
    }

    /**
     * The free distance from the rim below which sensor {@code sensor} blocks the path, millimetres; negative for a
     * sensor facing sideways or backward, which never blocks.
     */
    public static double triggerMillimetres(SensorGeometry geometry, int sensor) {
        double theta = Math.toRadians(geometry.bearingDegrees(sensor));
        if (Math.cos(theta) <= 1e-9) {
            return -1;
        }
        double r = geometry.bodyRadiusMillimetres();
        double lookahead = LOOKAHEAD_RADII * r + LOOKAHEAD_STEPS * geometry.stepMillimetres();
        double halfWidth = HALF_WIDTH_RADII * r;
        double reach = Math.min(lookahead / Math.cos(theta), halfWidth / Math.abs(Math.sin(theta)));
        return reach - r;
    }

    @Override
    public String name() {
        return "braitenberg";
    }

    @Override
    public DriveCommand act(Observation observation) {
        checkSensors(observation);
        if (!observation.bumped() && pathClear(observation)) {
            previous = DriveCommand.FORWARD;
        } else if (previous == DriveCommand.FORWARD) {
            previous = awayFromNearerSide(observation);
        }
        return previous;
    }

    @Override
    public void learn(double reward, Observation next) {
        // A hand-written policy takes nothing from the outcome.
    }

    @Override
    public long stateBytes() {
        return (long) TRIGGER_BYTES * geometry.sensors() + 1;
    }

    @Override
    public long operationsPerStep() {
        return 2L * geometry.sensors();
    }

    private boolean pathClear(Observation observation) {
        for (int s = 0; s < triggerFractions.length; s++) {
            boolean inRange = observation.distance(s) < observation.distanceFullScale();
            if (inRange && observation.distanceFraction(s) < triggerFractions[s]) {
                return false;
            }
        }
        return true;
    }

    private DriveCommand awayFromNearerSide(Observation observation) {
        double nearestLeft = Double.POSITIVE_INFINITY;
        double nearestRight = Double.POSITIVE_INFINITY;
        for (int s = 0; s < geometry.sensors(); s++) {
            double bearing = geometry.bearingDegrees(s);
            if (bearing > 0 && bearing <= 90) {
                nearestLeft = Math.min(nearestLeft, observation.distanceFraction(s));
            } else if (bearing < 0 && bearing >= -90) {
                nearestRight = Math.min(nearestRight, observation.distanceFraction(s));
            }
        }
        return nearestLeft < nearestRight ? DriveCommand.TURN_RIGHT : DriveCommand.TURN_LEFT;
    }

    private void checkSensors(Observation observation) {
        if (observation.distanceSensors() != geometry.sensors()) {
            throw new IllegalArgumentException("observation has " + observation.distanceSensors()
                    + " distance sensors, geometry " + geometry.sensors());
        }
    }
}
