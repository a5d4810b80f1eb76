/** Learners assembled from the core: networks, encoders and presentation protocols that learn on the board. */
package dev.aplysia.device.learner;
