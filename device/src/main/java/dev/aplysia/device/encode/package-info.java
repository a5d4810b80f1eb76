/** Input encoders (intensities to spikes) and output decoders (spikes to a class). */
package dev.aplysia.device.encode;
