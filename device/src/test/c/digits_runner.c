/*
 * The digits learner on the C core: learns the training samples in order, printing per sample the class it answered
 * before being taught and the taught presentation's decision, then classifies the test samples, printing each
 * decision, and last the CRC-32 of the network's state and the test accuracy. The Java test prints the same lines
 * from the Java learner and compares them.
 */
#include <inttypes.h>
#include <stdio.h>

#include "digits.h"

#define MAX_PIXELS 1024

static void load(const uint8_t *pixels, int32_t row, int32_t *sample)
{
    int32_t p;
    for (p = 0; p < digits_pixels; p++) {
        sample[p] = pixels[row * digits_pixels + p];
    }
}

static int learn_all(int32_t *sample)
{
    int32_t n;
    for (n = 0; n < digits_train_count; n++) {
        load(digits_train_pixels, n, sample);
        if (ap_classifier_learn(&digits, sample, digits_train_labels[n], digits_significance_q15) != 0) {
            printf("learn %" PRId32 " refused label %d\n", n, digits_train_labels[n]);
            return 1;
        }
        printf("learn %" PRId32 " answer %" PRId32 " decision %" PRId32 "\n", n, ap_classifier_answer(&digits),
                ap_classifier_decision(&digits));
    }
    return 0;
}

static int32_t classify_all(int32_t *sample)
{
    int32_t right = 0;
    int32_t n;
    for (n = 0; n < digits_test_count; n++) {
        int32_t decision;
        load(digits_test_pixels, n, sample);
        decision = ap_classifier_classify(&digits, sample);
        right += decision == digits_test_labels[n];
        printf("classify %" PRId32 " decision %" PRId32 "\n", n, decision);
    }
    return right;
}

int main(void)
{
    static int32_t sample[MAX_PIXELS];
    int32_t right;
    if (digits_pixels > MAX_PIXELS) {
        printf("%" PRId32 " pixels exceed %d\n", digits_pixels, MAX_PIXELS);
        return 1;
    }
    ap_classifier_init(&digits);
    if (learn_all(sample) != 0) {
        return 1;
    }
    right = classify_all(sample);
    printf("crc %08" PRIx32 "\n", ap_network_state_crc32(digits.network));
    printf("accuracy %" PRId32 "/%" PRId32 "\n", right, digits_test_count);
    return 0;
}
