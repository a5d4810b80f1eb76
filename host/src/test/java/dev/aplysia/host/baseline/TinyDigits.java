package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;
import java.nio.charset.StandardCharsets;

/** Hand-made optdigits sets: each image is one pixel value everywhere but pixel 0, which carries a marker. */
final class TinyDigits {

    private TinyDigits() {
    }

    /** One image per {@code {value, label}} pair: all 64 pixels {@code value}. */
    static DigitSet of(int[]... valueAndLabel) {
        StringBuilder text = new StringBuilder();
        for (int[] image : valueAndLabel) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                text.append(image[0]).append(',');
            }
            text.append(image[1]).append('\n');
        }
        return DigitSet.parse("tiny", text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
