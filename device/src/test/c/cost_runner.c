/*
 * Measures the instructions of every network step of the cost calibration's networks (cost.h) and prints, per
 * segment of COST_SEGMENT_TICKS ticks, "cost CASE SEGMENT INSTRUCTIONS", then the counter's resolution and
 * "measured N networks".
 * Needs the instruction counter (the QEMU port).
 */
#include <stdio.h>

#include "board.h"
#include "cost.h"
#include "instruction_counter.h"

static void drive(const cost_case *c, uint32_t tick)
{
    const ap_population *input = &c->network->populations[c->input];
    uint32_t phase = tick % COST_SEGMENT_TICKS;
    int32_t i;
    ap_spikes_clear(input->state->spikes, input->size);
    for (i = 0; i < input->size; i++) {
        if (ap_draw(c->key, tick * (uint32_t)input->size + (uint32_t)i) < c->spike_threshold) {
            ap_spikes_set(input->state->spikes, i);
        }
    }
    if (phase == COST_MODULATOR_ON) {
        ap_network_set_modulator(c->network, c->modulator_raw);
    } else if (phase == COST_MODULATOR_OFF) {
        ap_network_set_modulator(c->network, 0);
    }
}

static void run(int32_t index, const cost_case *c)
{
    uint32_t tick = 1u;
    int32_t segment;
    ap_network_init(c->network);
    for (segment = 0; segment < c->segments; segment++) {
        uint64_t spent = 0u;
        int32_t k;
        for (k = 0; k < COST_SEGMENT_TICKS; k++, tick++) {
            uint64_t started;
            drive(c, tick);
            started = board_instructions();
            ap_network_step(c->network);
            spent += board_instructions() - started;
        }
        printf("cost %ld %ld %lu\n", (long)index, (long)segment, (unsigned long)spent);
    }
}

int main(void)
{
    int32_t k;
    if (board_init() != BOARD_OK) {
        printf("board_init failed\n0 passed, 1 failed\n");
        return 1;
    }
    for (k = 0; k < cost_case_count; k++) {
        run(k, &cost_cases[k]);
    }
    printf("resolution %lu\n", (unsigned long)board_instruction_resolution());
    printf("measured %ld networks\n", (long)cost_case_count);
    return 0;
}
