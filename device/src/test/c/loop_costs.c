/*
 * Instructions per synaptic event and per synapse update on the Cortex-M0+, measured under QEMU with the board's
 * instruction counter: the two inner loops of benchmarks/src/main/c/plain_loops.c (a dense 64 -> 400 int16
 * projection; propagation, and the post-vector STDP row update with lowbias32 rounding), same arithmetic. For
 * docs/mcu.md; run with
 *   make -C device/src/test/c BUILD=build/costs MCU_SOURCES=loop_costs.c mcu-check
 */
#include <stdio.h>

#include "board.h"
#include "instruction_counter.h"

#define PRE 64
#define POST 400

static int16_t w[PRE * POST];
static int32_t current[POST];
static int32_t floor_[POST];
static int32_t fraction[POST];

static uint32_t mix(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return x;
}

/* Not inlined, so that objdump shows each loop on its own (docs/mcu.md counts their instruction mix). */
__attribute__((noinline)) static void propagate(void) {
    for (int i = 0; i < PRE; i++) {
        const int16_t *row = &w[i * POST];
        for (int j = 0; j < POST; j++) {
            current[j] += row[j];
        }
    }
}

__attribute__((noinline)) static void stdp_rows(uint32_t key, int32_t w_min, int32_t w_max) {
    for (int i = 0; i < PRE; i++) {
        int row = i * POST;
        for (int j = 0; j < POST; j++) {
            int s = row + j;
            uint32_t draw = mix(key ^ (uint32_t) s * 0x9E3779B9u) >> 16;
            int32_t next = w[s] + floor_[j] + (fraction[j] > (int32_t) draw ? 1 : 0);
            w[s] = (int16_t) (next > w_max ? w_max : next < w_min ? w_min : next);
        }
    }
}

/** Prints `instructions` per operation, to a hundredth, for PRE x POST operations. */
static void report(const char *loop, uint64_t instructions) {
    uint32_t hundredths = (uint32_t) (instructions * 100u / (PRE * POST));
    printf("%s: %lu.%02lu instructions per synapse (%d x %d)\n", loop, (unsigned long) (hundredths / 100u),
           (unsigned long) (hundredths % 100u), PRE, POST);
}

int main(void) {
    board_init();
    for (int s = 0; s < PRE * POST; s++) {
        w[s] = (int16_t) (mix((uint32_t) s) % 2000u);
    }
    for (int j = 0; j < POST; j++) {
        floor_[j] = -1 - (int32_t) (mix((uint32_t) j + 7u) % 3u);
        fraction[j] = (int32_t) (mix((uint32_t) j + 99u) >> 16);
    }
    uint64_t start = board_instructions();
    propagate();
    uint64_t propagated = board_instructions();
    stdp_rows(mix(1u), -16384, 16383);
    uint64_t updated = board_instructions();
    report("propagate", propagated - start);
    report("stdp rows", updated - propagated);
    printf("instructions: %lu\n", (unsigned long) (updated - start));
    uint32_t checksum = 0u;
    for (int s = 0; s < PRE * POST; s++) {
        checksum = mix(checksum ^ (uint32_t) w[s] ^ (uint32_t) current[s % POST]);
    }
    printf("checksum %08lx\n", (unsigned long) checksum);
    return 0;
}
