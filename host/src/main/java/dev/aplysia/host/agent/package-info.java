/**
 * Closed-loop agents for the reward robot, on the host: one decision step's interface, the shared drive commands, the
 * backprop counterpart (a DQN) and the baselines it and the device are measured against (random, Braitenberg).
 */
package dev.aplysia.host.agent;
