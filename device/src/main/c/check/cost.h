/*
 * What the checks' runners measure: instructions spent by a kind of work (a tick, a presentation, a period), summed,
 * the largest and how many, and the 64-bit figures printed with newlib-nano's 32-bit printf.
 */
#ifndef CHECK_COST_H
#define CHECK_COST_H

#include <stdint.h>

/** Instructions spent by one kind of work: summed, the largest, and how many. */
typedef struct cost {
    uint64_t total;
    uint64_t largest;
    uint32_t count;
} cost;

/** Adds one piece of work of spent instructions. */
void cost_add(cost *into, uint64_t spent);
/** The mean instructions per piece (0 with none). */
uint64_t cost_mean(const cost *of);
/** Prints label then value in decimal, in two halves when it exceeds 32 bits. */
void print_u64(const char *label, uint64_t value);

#endif
