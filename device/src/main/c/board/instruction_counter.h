/*
 * A count of the instructions the core has retired: offered only by ports that can count them (an emulator under
 * instruction counting; a chip with a cycle counter would offer cycles instead, under another name). Firmware does
 * not need it; benchmarks and the cost calibration do.
 */
#ifndef APLYSIA_INSTRUCTION_COUNTER_H
#define APLYSIA_INSTRUCTION_COUNTER_H

#include <stdint.h>

/**
 * Instructions retired since board_init, in steps of board_instruction_resolution(): the count is rounded down to a
 * multiple of it, so the difference of two readings is within one resolution step of the instructions executed
 * between them (plus the few instructions of a reading itself). Never decreases; does not wrap in 2^64.
 */
uint64_t board_instructions(void);

/** The step of board_instructions(), in instructions. */
uint32_t board_instruction_resolution(void);

#endif
