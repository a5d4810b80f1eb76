package dev.aplysia.device.firmware;

/** How raw sensor counts become encoder intensities (non-negative integers; larger means more salient). */
public enum SensorTransform {
    /** The raw counts themselves (a pixel, a light level). */
    LINEAR,
    /**
     * {@code maxValue * 64 / max(counts, 1)}: nearness from a distance sensor, so a close obstacle (few counts) is a
     * strong input and far ones fade out, as in a ultrasound ranger read through an ADC.
     */
    NEARNESS;

    /** The intensity of {@code counts} read from a channel whose full scale is {@code maxValue}. */
    public int intensity(int counts, int maxValue) {
        return this == LINEAR ? Math.max(0, counts) : (int) ((long) maxValue * 64 / Math.max(counts, 1));
    }
}
