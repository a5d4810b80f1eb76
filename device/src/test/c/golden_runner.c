/*
 * Replays every golden scenario on the C core and compares every column of every tick with the committed value,
 * tolerance 0. Prints one line per scenario, then "N passed, M failed"; exits non-zero on any mismatch, naming the
 * first one of each failing scenario (scenario, tick, column, expected, got).
 */
#include <inttypes.h>
#include <stdio.h>

#include "golden.h"

static void apply(const ap_network *network, const golden_action *action)
{
    const ap_population *p = action->kind == GOLDEN_MODULATOR || action->kind == GOLDEN_RESET_ACTIVITY
            ? NULL : &network->populations[action->population];
    switch (action->kind) {
    case GOLDEN_CLEAR_SPIKES: ap_spikes_clear(p->state->spikes, p->size); break;
    case GOLDEN_SPIKE: ap_spikes_set(p->state->spikes, action->neuron); break;
    case GOLDEN_INJECT: ap_population_inject(p, action->neuron, action->raw); break;
    case GOLDEN_MODULATOR: ap_network_set_modulator(network, action->raw); break;
    case GOLDEN_RESET_ACTIVITY: ap_network_reset_activity(network); break;
    default: break;
    }
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
            apply(network, &scenario->actions[next++]);
        }
        ap_network_step(network);
        for (c = 0; c < scenario->column_count; c++) {
            int64_t expected = scenario->expected[(tick - 1) * scenario->column_count + c];
            int64_t got = read(network, &scenario->columns[c]);
            if (got != expected) {
                printf("FAIL %s tick %" PRId32 " column %s: expected %" PRId64 ", got %" PRId64 "\n",
                        scenario->name, tick, scenario->columns[c].name, expected, got);
                return 0;
            }
        }
    }
    printf("ok %s: %" PRId32 " ticks x %" PRId32 " columns\n", scenario->name, scenario->ticks,
            scenario->column_count);
    return 1;
}

int main(void)
{
    int32_t passed = 0;
    int32_t failed = 0;
    int32_t s;
    for (s = 0; s < golden_scenario_count; s++) {
        if (run(golden_scenarios[s])) {
            passed++;
        } else {
            failed++;
        }
    }
    printf("%" PRId32 " passed, %" PRId32 " failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
