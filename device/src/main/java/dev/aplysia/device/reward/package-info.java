/**
 * The reward robot: a firmware application that learns to drive from rewards its own sensors give (a bump punishes,
 * progress rewards), through a three-factor rule with eligibility traces, a reward-prediction baseline and
 * consolidation of collisions; no teacher.
 */
package dev.aplysia.device.reward;
