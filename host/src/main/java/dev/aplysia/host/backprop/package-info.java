/**
 * The host's backpropagation counterpart to the on-device learner: a float one-hidden-layer perceptron trained by
 * plain SGD (digits) or by Adam on a caller's output loss (the closed-loop DQN), with its state and operation costs
 * priced from its shape.
 */
package dev.aplysia.host.backprop;
