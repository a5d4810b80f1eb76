/*
 * Replays every golden scenario on the C core and compares every column of every tick with the committed value,
 * tolerance 0. Prints a title line, one line per scenario, then "N passed, M failed" (N and M count scenarios);
 * exits non-zero on any mismatch, naming the first one of each failing scenario (scenario, tick, column, expected,
 * got). Built with APLYSIA_INSTRUCTION_COUNTER (the QEMU port), it also counts the instructions of every network
 * step and prints "instructions: TOTAL", "per tick: mean M, max X, over T ticks" and the "json: ..." line whose
 * fields board/mcu.mk adds to its JSON line. Wide values are formatted here, since newlib-nano's printf has no
 * 64-bit conversions.
 */
#include <stdio.h>

#include "golden.h"

#ifdef APLYSIA_INSTRUCTION_COUNTER
#include "board.h"
#include "instruction_counter.h"

/** Step work: instructions summed over every step, the largest step, and the steps counted. */
static uint64_t step_instructions;
static uint64_t largest_step;
static uint64_t steps;
#endif

/** The decimal digits of value, into text (at least 21 bytes). */
static const char *decimal(int64_t value, char *text)
{
    char digits[21];
    int n = 0;
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    int at = 0;
    do {
        digits[n++] = (char)('0' + (int)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude != 0u);
    if (value < 0) {
        text[at++] = '-';
    }
    while (n > 0) {
        text[at++] = digits[--n];
    }
    text[at] = '\0';
    return text;
}

/** One network step, counted where the port counts instructions. */
static void step(const ap_network *network)
{
#ifdef APLYSIA_INSTRUCTION_COUNTER
    uint64_t before = board_instructions();
    uint64_t spent;
    ap_network_step(network);
    spent = board_instructions() - before;
    step_instructions += spent;
    largest_step = spent > largest_step ? spent : largest_step;
    steps++;
#else
    ap_network_step(network);
#endif
}

/** A projection's synapse value, 0 where the rule keeps no such state (as Java's accessors). */
static int64_t synapse(const int16_t *values, int32_t s)
{
    return values == NULL ? 0 : values[s];
}

static int64_t read_projection(const ap_network *network, const golden_column *column)
{
    const ap_projection *k = &network->projections[column->owner];
    switch (column->kind) {
    case GOLDEN_WEIGHT:
        return k->state->weights[column->first * network->populations[k->post].size + column->second];
    case GOLDEN_ELIGIBILITY: return synapse(k->state->eligibility, column->first);
    case GOLDEN_CONSOLIDATION: return synapse(k->state->consolidation, column->first);
    default: return k->state->baseline;
    }
}

static int64_t read(const ap_network *network, const golden_column *column)
{
    const ap_population *p = &network->populations[column->owner];
    switch (column->kind) {
    case GOLDEN_TICK: return (int64_t)network->state->tick;
    case GOLDEN_MODULATOR_VALUE: return network->state->modulator;
    case GOLDEN_SPIKE_BIT: return ap_spikes_get(p->state->spikes, column->first);
    case GOLDEN_MEMBRANE: return p->state->v[column->first];
    case GOLDEN_ADAPTATION: return p->state->adapt[column->first];
    case GOLDEN_EXCITABILITY: return p->state->bias[column->first];
    case GOLDEN_RECEPTOR: return p->state->receptor_g[column->first * p->size + column->second];
    case GOLDEN_TRACE: return ap_trace_value(p, network->state->tick, column->first);
    default: return read_projection(network, column);
    }
}

/** Runs one scenario; returns 1 if every value matched. */
static int run(const golden_scenario *scenario)
{
    const ap_network *network = scenario->network;
    int32_t next = 0;
    int32_t tick;
    int32_t c;
    ap_network_init(network);
    for (tick = 1; tick <= scenario->ticks; tick++) {
        while (next < scenario->action_count && scenario->actions[next].tick == tick) {
            golden_apply(network, &scenario->actions[next++]);
        }
        step(network);
        for (c = 0; c < scenario->column_count; c++) {
            int64_t expected = scenario->expected[(tick - 1) * scenario->column_count + c];
            int64_t got = read(network, &scenario->columns[c]);
            if (got != expected) {
                char want[21];
                char have[21];
                printf("FAIL %s tick %ld column %s: expected %s, got %s\n", scenario->name, (long)tick,
                        scenario->columns[c].name, decimal(expected, want), decimal(got, have));
                return 0;
            }
        }
    }
    printf("ok %s: %ld ticks x %ld columns\n", scenario->name, (long)scenario->ticks, (long)scenario->column_count);
    return 1;
}

/** The instruction lines, where the port counts instructions. */
static void report_instructions(void)
{
#ifdef APLYSIA_INSTRUCTION_COUNTER
    char total[21];
    char mean[21];
    char largest[21];
    char count[21];
    decimal(steps == 0u ? 0 : (int64_t)(step_instructions / steps), mean);
    decimal((int64_t)largest_step, largest);
    printf("instructions: %s\n", decimal((int64_t)step_instructions, total));
    printf("per tick: mean %s, max %s, over %s ticks (resolution %ld instructions)\n", mean, largest,
            decimal((int64_t)steps, count), (long)board_instruction_resolution());
    printf("json: \"check\":\"goldens\",\"instructions_per_tick_mean\":%s,\"instructions_per_tick_max\":%s\n",
            mean, largest);
#endif
}

int main(void)
{
    int32_t passed = 0;
    int32_t failed = 0;
    int32_t s;
#ifdef APLYSIA_INSTRUCTION_COUNTER
    if (board_init() != BOARD_OK) {
        printf("board_init failed\n");
        return 2;
    }
#endif
    printf("golden vectors: %ld scenarios, every column of every tick, tolerance 0\n", (long)golden_scenario_count);
    for (s = 0; s < golden_scenario_count; s++) {
        if (run(golden_scenarios[s])) {
            passed++;
        } else {
            failed++;
        }
    }
    report_instructions();
    printf("%ld passed, %ld failed\n", (long)passed, (long)failed);
    return failed == 0 ? 0 : 1;
}
