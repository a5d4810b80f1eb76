/*
 * Start-up for QEMU's mps2-an385 machine (a Cortex-M3; ARMv6-M code for the RP2040's Cortex-M0+ runs on it
 * unchanged): the vector table, the reset handler and the C library's hooks. Linked with -nostartfiles and newlib's
 * rdimon (semihosting) library, so printf, files and exit go to the host through QEMU.
 */
#include <stdint.h>
#include <stdlib.h>

/* Symbols of mps2.ld. */
extern uint32_t __data_load__, __data_start__, __data_end__, __bss_start__, __bss_end__, __stack_top__;

/* newlib's semihosting set-up of stdin, stdout and stderr. */
extern void initialise_monitor_handles(void);
extern int main(void);

void reset_handler(void);
void fault_handler(void);
void systick_handler(void);

/** An exception vector: a handler, or the initial stack pointer in entry 0. */
typedef void (*vector)(void);

/** ARMv6-M's vector table: stack, reset, NMI, HardFault, seven reserved, SVCall, two reserved, PendSV, SysTick. */
__attribute__((section(".vectors"), used))
static const vector vectors[16] = {
    (vector) &__stack_top__, reset_handler, fault_handler, fault_handler,
    0, 0, 0, 0, 0, 0, 0, fault_handler, 0, 0, fault_handler, systick_handler,
};

/** Copies .data from flash, zeroes .bss, opens the semihosting console and runs main; its result is the exit code. */
void reset_handler(void) {
    const uint32_t *from = &__data_load__;
    for (uint32_t *to = &__data_start__; to < &__data_end__;) {
        *to++ = *from++;
    }
    for (uint32_t *to = &__bss_start__; to < &__bss_end__;) {
        *to++ = 0u;
    }
    initialise_monitor_handles();
    exit(main());
}

/** A fault or an unexpected exception ends the run with exit code 127, so a broken guest fails instead of hanging. */
void fault_handler(void) {
    _Exit(127);
}

/** newlib calls these around static constructors; C has none. */
void _init(void) {
}

void _fini(void) {
}
