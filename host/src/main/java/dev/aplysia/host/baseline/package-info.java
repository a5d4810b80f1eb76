/** Baselines that explain a learner's figures: the simplest learners on the same data, order and budget. */
package dev.aplysia.host.baseline;
