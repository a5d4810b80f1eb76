package dev.aplysia.hal.world;

/** The robot came into contact with a wall or obstacle at {@code nanos} on the board clock, its centre at (x, y) mm. */
public record Collision(long nanos, double x, double y) {
}
