package dev.aplysia.host.baseline;

import dev.aplysia.fixtures.dataset.DigitSet;

/**
 * How a memory baseline stores one optdigits sample: each of the 64 pixels (0..16) at the narrowest width that holds
 * it exactly, 5 bits, and the label (0..9) in 4 bits, packed: {@value #BYTES} bytes.
 */
final class StoredDigit {

    /** Bits of one stored pixel: 17 values need 5. */
    static final int PIXEL_BITS = 32 - Integer.numberOfLeadingZeros(DigitSet.MAX_PIXEL);
    /** Bits of one stored label. */
    static final int LABEL_BITS = 32 - Integer.numberOfLeadingZeros(DigitSet.CLASSES - 1);
    /** Bytes of one stored sample, packed. */
    static final int BYTES = (DigitSet.PIXELS * PIXEL_BITS + LABEL_BITS + Byte.SIZE - 1) / Byte.SIZE;

    private StoredDigit() {
    }

    /** Samples a memory of {@code budgetBytes} holds beside {@code overheadBytes} of bookkeeping (at least 0). */
    static int capacity(long budgetBytes, long overheadBytes) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (budgetBytes - overheadBytes) / BYTES));
    }

    /** Squared Euclidean distance between stored pixels {@code stored[from..from+64)} and row {@code row}. */
    static int distance(byte[] stored, int from, DigitSet set, int row) {
        int sum = 0;
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            int d = stored[from + p] - set.pixel(row, p);
            sum += d * d;
        }
        return sum;
    }
}
