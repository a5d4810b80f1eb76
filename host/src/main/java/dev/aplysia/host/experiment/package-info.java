/** Experiments that drive the learners over real data and measure them. */
package dev.aplysia.host.experiment;
