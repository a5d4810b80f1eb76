/*
 * The board port for QEMU's mps2-an385 machine. The clock and the instruction counter are one 64-bit count of
 * SysTick periods: SysTick runs from the processor clock (CLKSOURCE = 1 in its CSR), which QEMU's MPS2 models at
 * 25 MHz, so one count is 40 ns. Run under `-icount shift=0`, QEMU advances
 * virtual time by exactly 1 ns per instruction, so one count is also 40 instructions: the counter's resolution.
 * SysTick is a 24-bit down-counter; its interrupt, once per 2^24 counts (671 million instructions), carries the wraps
 * into the upper bits. The storage slot and console go through semihosting (common/stdio_storage.c); analog,
 * digital and PWM channels are emulated in memory (common/emulated_io.h).
 */
#include "board.h"
#include "instruction_counter.h"
#include "stdio_storage.h"

#define SYSTICK_CSR (*(volatile uint32_t *) 0xE000E010u)
#define SYSTICK_RVR (*(volatile uint32_t *) 0xE000E014u)
#define SYSTICK_CVR (*(volatile uint32_t *) 0xE000E018u)

/** CSR bits: ENABLE, TICKINT (interrupt on wrap), CLKSOURCE (processor clock). */
#define SYSTICK_ENABLE 1u
#define SYSTICK_TICKINT 2u
#define SYSTICK_PROCESSOR_CLOCK 4u

#define SYSTICK_PERIOD (1u << 24)
/** QEMU's MPS2 processor clock, 25 MHz: counts per microsecond. */
#define COUNTS_PER_US 25u
/** Under -icount shift=0, 1 ns per instruction: instructions per 40 ns count. */
#define INSTRUCTIONS_PER_COUNT 40u

void systick_handler(void);

/* newlib's semihosting rename (librdimon). */
extern int _rename(const char *from, const char *to);

/** SysTick periods completed, advanced by systick_handler. */
static volatile uint32_t wraps;

void systick_handler(void) {
    wraps = wraps + 1u;
}

board_status board_init(void) {
    SYSTICK_RVR = SYSTICK_PERIOD - 1u;
    SYSTICK_CVR = 0u;
    SYSTICK_CSR = SYSTICK_ENABLE | SYSTICK_TICKINT | SYSTICK_PROCESSOR_CLOCK;
    /* SysTick reads 0 until its first count loads the reload value, and that load raises no interrupt: wait for it,
       or the first reading would lie a whole period ahead of the next. */
    while (SYSTICK_CVR == 0u) {
    }
    return BOARD_OK;
}

/**
 * SysTick counts since board_init. The wrap count is read on both sides of the counter: if the interrupt ran in
 * between, the counter may belong to either period, so it is read again.
 */
static uint64_t systick_counts(void) {
    uint32_t high;
    uint32_t current;
    do {
        high = wraps;
        current = SYSTICK_CVR;
    } while (high != wraps);
    return (uint64_t) high * SYSTICK_PERIOD + (SYSTICK_PERIOD - 1u - current);
}

uint64_t board_clock_us(void) {
    return systick_counts() / COUNTS_PER_US;
}

uint64_t board_instructions(void) {
    return systick_counts() * INSTRUCTIONS_PER_COUNT;
}

uint32_t board_instruction_resolution(void) {
    return INSTRUCTIONS_PER_COUNT;
}

int stdio_storage_replace(const char *from, const char *to) {
    return _rename(from, to);
}
