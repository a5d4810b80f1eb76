/*
 * The digits check on the C core: loads the snapshot if there is one, learns the training samples in order,
 * printing per sample the class it answered before being taught and the taught presentation's decision, then
 * classifies the test samples, printing each decision, and last the CRC-32 of the network's state and the test
 * accuracy. Each of these lines is compared with the Java learner's transcript (digits.h): a difference prints a
 * "mismatch:" line; the last line is "N passed, M failed", and the exit code is 1 if M is not 0. Built with
 * APLYSIA_INSTRUCTION_COUNTER (the QEMU port) it then prints "instructions: TOTAL", "cost: ..." with the
 * instructions per learned and classified sample and per tick, and "json: ..." with the fields board/mcu.mk adds to
 * its JSON line; with APLYSIA_TICK_OBSERVER as well, each tick is measured too, for the largest tick. Only 32-bit conversions are printed with printf (newlib-nano has no 64-bit ones).
 */
#include <stdio.h>

#include "digits.h"

#ifdef APLYSIA_INSTRUCTION_COUNTER
#include "board.h"
#include "cost.h"
#include "instruction_counter.h"

static cost learning;
static cost classifying;
static cost ticks;

static uint64_t started;

static void begin(void)
{
    started = board_instructions();
}

static void end(cost *into)
{
    cost_add(into, board_instructions() - started);
}

static void report(uint32_t tick_count)
{
    uint64_t all = learning.total + classifying.total;
    print_u64("instructions: ", all);
    printf("\n");
    print_u64("cost: learn mean ", cost_mean(&learning));
    print_u64(" max ", learning.largest);
    print_u64(", classify mean ", cost_mean(&classifying));
    print_u64(" max ", classifying.largest);
    /* with the tick observer, ticks are measured one by one; else a tick's share of the samples' instructions */
    uint64_t tick_mean = ticks.count != 0u ? cost_mean(&ticks) : (tick_count == 0u ? 0u : all / tick_count);
    print_u64(", tick mean ", tick_mean);
    print_u64(" max ", ticks.largest);
    printf(" over %lu ticks\n", (unsigned long)tick_count);
    print_u64("json: \"instructions_per_tick_mean\":", tick_mean);
    if (ticks.count != 0u) {
        print_u64(",\"instructions_per_tick_max\":", ticks.largest);
    }
    print_u64(",\"instructions_per_sample\":", cost_mean(&learning));
    print_u64(",\"instructions_per_classification\":", cost_mean(&classifying));
    printf(",\"network\":\"digits\"\n");
}
#ifdef APLYSIA_TICK_OBSERVER
static uint64_t tick_started;

void ap_tick_observed(int starting)
{
    uint64_t now = board_instructions();
    if (starting) {
        tick_started = now;
    } else {
        cost_add(&ticks, now - tick_started);
    }
}
#endif

#define BEGIN() begin()
#define END(into) end(into)
#else
#define BEGIN() ((void)0)
#define END(into) ((void)0)
#endif

#define MAX_PIXELS 1024

static int32_t passed;
static int32_t failed;

/** Counts one compared line; returns whether it matched. */
static int tally(int equal)
{
    if (equal) {
        passed++;
    } else {
        failed++;
    }
    return equal;
}

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
        int32_t answer;
        int32_t decision;
        load(digits_train_pixels, n, sample);
        BEGIN();
        if (ap_classifier_learn(&digits, sample, digits_train_labels[n], digits_significance_q15) != 0) {
            printf("learn %ld refused label %d\n", (long)n, digits_train_labels[n]);
            return 1;
        }
        END(&learning);
        answer = ap_classifier_answer(&digits);
        decision = ap_classifier_decision(&digits);
        printf("learn %ld answer %ld decision %ld\n", (long)n, (long)answer, (long)decision);
        if (!tally(answer == digits_expected_answers[n] && decision == digits_expected_learned[n])) {
            printf("mismatch: learn %ld expected answer %d decision %d\n", (long)n, digits_expected_answers[n],
                    digits_expected_learned[n]);
        }
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
        BEGIN();
        decision = ap_classifier_classify(&digits, sample);
        END(&classifying);
        right += decision == digits_test_labels[n];
        printf("classify %ld decision %ld\n", (long)n, (long)decision);
        if (!tally(decision == digits_expected_classified[n])) {
            printf("mismatch: classify %ld expected decision %d\n", (long)n, digits_expected_classified[n]);
        }
    }
    return right;
}

/** Loads the snapshot, if there is one, into the network ap_classifier_init set up; 0 if loaded or none. */
static int load_snapshot(void)
{
    ap_snapshot_error error;
    if (digits_snapshot_size == 0u) {
        return 0;
    }
    if (ap_snapshot_decode(digits.network, &digits_layout, digits_snapshot, digits_snapshot_size, &error)
            != AP_SNAPSHOT_OK) {
        printf("snapshot refused: %s\n", error.message);
        return 1;
    }
    return 0;
}

int main(void)
{
    static int32_t sample[MAX_PIXELS];
    int32_t right;
    uint32_t crc;
    if (digits_pixels > MAX_PIXELS) {
        printf("%ld pixels exceed %d\n", (long)digits_pixels, MAX_PIXELS);
        return 1;
    }
#ifdef APLYSIA_INSTRUCTION_COUNTER
    if (board_init() != BOARD_OK) {
        printf("board_init failed\n");
        return 2;
    }
#endif
    ap_classifier_init(&digits);
    if (load_snapshot() != 0 || learn_all(sample) != 0) {
        return 1;
    }
    right = classify_all(sample);
    crc = ap_network_state_crc32(digits.network);
    printf("crc %08lx\n", (unsigned long)crc);
    if (!tally(crc == digits_expected_crc)) {
        printf("mismatch: crc expected %08lx\n", (unsigned long)digits_expected_crc);
    }
    printf("accuracy %ld/%ld\n", (long)right, (long)digits_test_count);
    if (!tally(right == digits_expected_right)) {
        printf("mismatch: accuracy expected %ld/%ld\n", (long)digits_expected_right, (long)digits_test_count);
    }
#ifdef APLYSIA_INSTRUCTION_COUNTER
    report((uint32_t)digits.network->state->tick);
#endif
    printf("%ld passed, %ld failed\n", (long)passed, (long)failed);
    return failed == 0 ? 0 : 1;
}
