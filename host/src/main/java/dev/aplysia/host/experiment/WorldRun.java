package dev.aplysia.host.experiment;

import dev.aplysia.hal.world.Collision;
import dev.aplysia.hal.world.Trajectory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One policy's run on one seed: per simulated minute of experience, the contacts and the forward progress, and the
 * robot's path over the first and last minute in the first arena.
 *
 * @param policy               the policy's name
 * @param seed                 the world's and the policy's seed
 * @param collisionsPerMinute  contacts in each minute (a push on an obstacle after a free step counts once)
 * @param distancePerMinute    forward progress in each minute, mm ({@code World.forwardMm})
 * @param contactPerMinute     the share of each minute spent pushing on something, 0..1 ({@code World.contactNanos})
 * @param stateBytes           the policy's state, bytes
 * @param operationsPerDecision operations of a decision period, as the policy counts them
 * @param tickLoad             the firmware's tick load on its MCU profile; empty for a host agent
 * @param early                the path over the first minute
 * @param late                 the path over the last minute in the first arena, before the move to the second
 */
public record WorldRun(String policy, long seed, double[] collisionsPerMinute, double[] distancePerMinute,
                       double[] contactPerMinute, long stateBytes, double operationsPerDecision,
                       Optional<TickLoad> tickLoad, Path early, Path late) {

    /** Physics steps between the samples of a charted path: one every 50 ms. */
    static final int PATH_STRIDE = 50;

    /** A path sampled every {@link #PATH_STRIDE} steps, and where the robot touched something. */
    public record Path(double[] x, double[] y, double[] collisionX, double[] collisionY) {

        /** The sampled {@code trajectory} with {@code collisions}. */
        static Path of(Trajectory trajectory, List<Collision> collisions) {
            int samples = (trajectory.size() + PATH_STRIDE - 1) / PATH_STRIDE;
            double[] x = new double[samples];
            double[] y = new double[samples];
            for (int k = 0; k < samples; k++) {
                x[k] = trajectory.pose(k * PATH_STRIDE).x();
                y[k] = trajectory.pose(k * PATH_STRIDE).y();
            }
            return new Path(x, y, collisions.stream().mapToDouble(Collision::x).toArray(),
                    collisions.stream().mapToDouble(Collision::y).toArray());
        }
    }

    /** Minutes of experience. */
    public int minutes() {
        return collisionsPerMinute.length;
    }

    /** Mean contacts per minute over minutes {@code from..to-1}. */
    public double collisionsPerMinute(int from, int to) {
        return Arrays.stream(collisionsPerMinute, from, to).average().orElseThrow();
    }

    /** The mean share of minutes {@code from..to-1} spent pushing on something. */
    public double contactShare(int from, int to) {
        return Arrays.stream(contactPerMinute, from, to).average().orElseThrow();
    }

    /** Mean forward progress per minute over minutes {@code from..to-1}, mm. */
    public double distancePerMinute(int from, int to) {
        return Arrays.stream(distancePerMinute, from, to).average().orElseThrow();
    }
}
