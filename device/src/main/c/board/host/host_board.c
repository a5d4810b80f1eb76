/*
 * The host port: the firmware built by the host's gcc, for checks and scripted runs. The clock is CLOCK_MONOTONIC,
 * the storage slot a file and the console standard output (common/stdio_storage.c); analog, digital and PWM channels
 * are emulated in memory (common/emulated_io.h), driven and inspected by the program under test.
 */
#define _POSIX_C_SOURCE 199309L

#include <stdio.h>
#include <time.h>

#include "board.h"
#include "stdio_storage.h"

static uint64_t origin_us;

/** CLOCK_MONOTONIC in microseconds; 0 if the clock cannot be read (it can on every POSIX system). */
static uint64_t monotonic_us(void) {
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
        return 0u;
    }
    return (uint64_t) now.tv_sec * 1000000u + (uint64_t) now.tv_nsec / 1000u;
}

board_status board_init(void) {
    struct timespec resolution;
    if (clock_getres(CLOCK_MONOTONIC, &resolution) != 0) {
        return BOARD_ERR_INVALID_CONFIG;
    }
    origin_us = monotonic_us();
    return BOARD_OK;
}

uint64_t board_clock_us(void) {
    return monotonic_us() - origin_us;
}

int stdio_storage_replace(const char *from, const char *to) {
    return rename(from, to);
}
