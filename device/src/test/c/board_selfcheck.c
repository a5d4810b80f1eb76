/*
 * The board port's self-check, built for the host (with sanitizers) and for Cortex-M0+ under QEMU: the 64-bit
 * arithmetic the C core needs (the Cortex-M0+ has no 64-bit multiply and no 64-bit shifts: gcc calls __aeabi_lmul
 * and friends), the core's own lowbias32 draws (core/random.c) pinned in CounterRandomTest, and the port's
 * storage, emulated I/O and clock. Prints one line per failure, then "N passed, M failed" through the port's console; exits
 * 0 only if none failed.
 *
 * Built with APLYSIA_INSTRUCTION_COUNTER (a port with board_instructions), it also prints
 *   calibration: I instructions x N iterations, C counted
 * for a loop of known length, the instructions per draw, and "instructions: X" for the whole check.
 */
#include <stdio.h>
#include <string.h>

#include "aplysia.h"
#include "board.h"
#include "emulated_io.h"
#ifdef APLYSIA_INSTRUCTION_COUNTER
#include "instruction_counter.h"
#endif

static unsigned passed;
static unsigned failed;

/** Counts one check, printing it when it fails. */
static void check(int ok, const char *what) {
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

/* ---- the core's own arithmetic and random streams (core/fx.c, core/random.c), on this target ---- */

/** Reads volatile copies so that the compiler cannot fold the 64-bit operations away. */
static void check_wide_arithmetic(void) {
    volatile int64_t a = -0x123456789LL;
    volatile int64_t b = 0x3B9ACA07LL;
    volatile uint64_t c = 0xFEDCBA9876543210ULL;
    check(a * b == -0x43D11C799601EEBFLL, "signed 64-bit multiply");
    check(c * 3u == 0xFC962FC962FC9630ULL, "unsigned 64-bit multiply wraps");
    check((uint64_t) (uint32_t) 0xFFFFFFFFu * 0xFFFFFFFFu == 0xFFFFFFFE00000001ULL, "32 x 32 -> 64 multiply");
    check(c >> 36 == 0xFEDCBA9u && c << 40 == 0x5432100000000000ULL, "64-bit logical shifts");
    check(ap_sar64(a, 4) == -0x12345679LL && ap_sar64(-a, 4) == 0x12345678LL,
          "64-bit arithmetic shift rounds towards minus infinity");
}

static void check_counter_random(void) {
    uint32_t key = ap_key(ap_seed_key(42u), AP_STREAM_ROUNDING, 7u, 1u);
    check(ap_mix(1u) == 0x688990C0u, "lowbias32 mix(1)");
    check(ap_draw(key, 0u) == 0x3957A5B2u, "draw(key(42, ROUNDING, 7, 1), 0)");
    check(ap_draw(key, 5u) == 0x936E1452u, "draw(key(42, ROUNDING, 7, 1), 5)");
    uint32_t inside = 1u;
    for (uint32_t i = 0u; i < 1000u; i++) {
        inside &= ap_below(key, i, 7u) < 7u;
    }
    check(inside, "below(key, i, 7) stays in [0, 7)");
}

/* ---- the port ---- */

static void check_storage(void) {
    static const uint8_t blob[] = {0xA7u, 0x00u, 0x5Cu, 0xFFu, 0x10u};
    uint8_t back[sizeof blob];
    uint32_t size = 0u;
    check(board_storage_write(blob, sizeof blob) == BOARD_OK, "storage write");
    check(board_storage_read(back, sizeof back, &size) == BOARD_OK && size == sizeof blob
          && memcmp(back, blob, sizeof blob) == 0, "storage reads back what was written");
    check(board_storage_read(back, sizeof back - 1u, &size) == BOARD_ERR_STORAGE_FULL,
          "storage refuses a buffer shorter than the blob");
    check(board_storage_write(blob, board_storage_capacity() + 1u) == BOARD_ERR_STORAGE_FULL,
          "storage refuses a blob over its capacity");
}

static void check_emulated_io(void) {
    uint16_t counts = 0u;
    bool high = false;
    uint32_t rising = 0u;
    uint32_t falling = 0u;
    check(emulated_set_analog(2u, board_analog_max(2u)) == BOARD_OK && board_analog_read(2u, &counts) == BOARD_OK
          && counts == board_analog_max(2u), "analog input reads what it is driven to");
    check(board_analog_read(200u, &counts) == BOARD_ERR_INVALID_CHANNEL, "unknown analog channel");
    emulated_set_digital(1u, true);
    emulated_set_digital(1u, false);
    emulated_set_digital(1u, true);
    check(board_digital_poll_edges(1u, &rising, &falling) == BOARD_OK && rising == 2u && falling == 1u
          && board_digital_poll_edges(1u, &rising, &falling) == BOARD_OK && rising == 0u && falling == 0u,
          "edges are counted and reset by a poll");
    check(board_digital_write(3u, true) == BOARD_OK && emulated_digital_output(3u, &high) == BOARD_OK && high,
          "digital output records its level");
    check(board_pwm_write(0u, board_pwm_max_duty(0u) + 1u) == BOARD_ERR_INVALID_ARGUMENT
          && board_pwm_write(0u, 250u) == BOARD_OK && emulated_pwm_duty(0u, &counts) == BOARD_OK && counts == 250u,
          "PWM refuses a duty over its maximum and records a valid one");
}

static void check_clock(void) {
    uint64_t before = board_clock_us();
    volatile uint32_t spin = 0u;
    for (uint32_t i = 0u; i < 100000u; i++) {
        spin = spin + i;
    }
    check(board_clock_us() >= before, "the clock never goes back");
}

#ifdef APLYSIA_INSTRUCTION_COUNTER
/* 720 million instructions: longer than SysTick's 24-bit period (671 million), so the count must carry a wrap. */
#define CALIBRATION_ITERATIONS 180000000u
#define CALIBRATION_LOOP_INSTRUCTIONS 4u
#define DRAWS 1024u

/**
 * Exactly CALIBRATION_LOOP_INSTRUCTIONS instructions per iteration: subs, two nops, bne (taken but on the last).
 * gcc hands Thumb-1 inline assembly over in divided syntax; the loop is written in unified syntax and switches back.
 */
static void counted_loop(uint32_t iterations) {
    __asm__ volatile(".syntax unified\n"
                     "1:\tsubs %0, %0, #1\n\tnop\n\tnop\n\tbne 1b\n"
                     ".syntax divided" : "+l"(iterations) : : "cc");
}

/** Instructions between two readings around `iterations` of the loop, less those of two readings back to back. */
static uint64_t counted_instructions(uint32_t iterations) {
    uint64_t start = board_instructions();
    uint64_t empty = board_instructions() - start;
    start = board_instructions();
    counted_loop(iterations);
    return board_instructions() - start - empty;
}

/** Room for the decimal digits of any uint64_t and a NUL. */
#define DECIMAL_DIGITS 21

/**
 * `value` in decimal, into `text`; returns `text`. newlib-nano's printf has no 64-bit conversions, and a port's
 * console takes whole lines, so reports format their wide counts themselves.
 */
static const char *decimal(uint64_t value, char text[DECIMAL_DIGITS]) {
    char *digit = text + DECIMAL_DIGITS - 1;
    *digit = '\0';
    do {
        *--digit = (char) ('0' + value % 10u);
        value /= 10u;
    } while (value != 0u);
    return digit;
}

/** Prints the calibration, the cost of a draw and `checks`, the instructions the checks took. */
static void report_costs(uint64_t checks) {
    char number[DECIMAL_DIGITS];
    uint64_t counted = counted_instructions(CALIBRATION_ITERATIONS);
    printf("calibration: %u instructions x %u iterations, %s counted, resolution %u\n",
           CALIBRATION_LOOP_INSTRUCTIONS, CALIBRATION_ITERATIONS, decimal(counted, number),
           (unsigned) board_instruction_resolution());
    volatile uint32_t sink = 0u;
    uint64_t before = board_instructions();
    for (uint32_t i = 0u; i < DRAWS; i++) {
        sink = sink ^ ap_draw(0x3957A5B2u, i);
    }
    printf("draw: %s instructions per %u draws\n", decimal(board_instructions() - before, number), DRAWS);
    printf("instructions: %s\n", decimal(checks, number));
}
#endif

int main(void) {
    if (board_init() != BOARD_OK) {
        puts("board_init failed");
        return 2;
    }
#ifdef APLYSIA_INSTRUCTION_COUNTER
    uint64_t start = board_instructions();
#endif
    check_wide_arithmetic();
    check_counter_random();
    check_storage();
    check_emulated_io();
    check_clock();
#ifdef APLYSIA_INSTRUCTION_COUNTER
    uint64_t checks = board_instructions() - start;
#endif
    char summary[48];
    snprintf(summary, sizeof summary, "%u passed, %u failed", passed, failed);
    if (board_console_line(summary) != BOARD_OK) {
        return 2;
    }
#ifdef APLYSIA_INSTRUCTION_COUNTER
    report_costs(checks);
#endif
    return failed == 0u ? 0 : 1;
}
