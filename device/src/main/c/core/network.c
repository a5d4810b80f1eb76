/*
 * The network and its projections' spike propagation, the C twin of Java's Network.step and Projection.propagate.
 * One tick: Poisson sources draw; each population in order leaks its receptors, receives its projections' spikes
 * and integrates; traces advance; eligibility leaks and presynaptic-spike terms run; spikes enter the traces;
 * postsynaptic-spike, modulator and every-tick terms run, weight sums are renormalised, baselines move.
 */
#include "aplysia.h"

void ap_projection_init(const ap_network *network, int32_t index)
{
    const ap_projection *projection = &network->projections[index];
    ap_projection_state *state = projection->state;
    int32_t post_size = network->populations[projection->post].size;
    int32_t synapses = network->populations[projection->pre].size * post_size;
    int32_t s;
    int gate;
    for (s = 0; s < synapses; s++) {
        state->weights[s] = projection->initial_weights[s];
        if (state->eligibility != NULL) {
            state->eligibility[s] = 0;
        }
        if (state->consolidation != NULL) {
            state->consolidation[s] = 0;
        }
    }
    ap_spikes_clear(state->changed_posts, post_size);
    state->baseline = 0;
    for (gate = 0; gate < AP_GATES; gate++) {
        state->rounding_key[gate] = 0u;
    }
}

void ap_projection_propagate(const ap_network *network, const ap_projection *projection)
{
    const ap_population *pre = &network->populations[projection->pre];
    const ap_population *post = &network->populations[projection->post];
    int32_t *target = projection->receptor < 0 ? post->state->current
            : post->state->receptor_g + projection->receptor * post->size;
    const int16_t *weights = projection->state->weights;
    int32_t scale = (int32_t)1 << projection->weight_shift;
    int32_t i;
    int32_t j;
    for (i = ap_spikes_next(pre->state->spikes, pre->size, 0); i >= 0;
            i = ap_spikes_next(pre->state->spikes, pre->size, i + 1)) {
        const int16_t *row = weights + i * post->size;
        if (projection->plain_sum) {
            /* the generator proved every partial sum fits int32: no overflow, so a plain add is defined */
            for (j = 0; j < post->size; j++) {
                target[j] += (int32_t)row[j] * scale;
            }
        } else {
            for (j = 0; j < post->size; j++) {
                int32_t aligned = ap_narrow32(ap_shl64(row[j], projection->weight_shift));
                target[j] = ap_clamp((int64_t)target[j] + aligned, INT32_MIN, INT32_MAX);
            }
        }
    }
}

void ap_network_init(const ap_network *network)
{
    ap_network_state *state = network->state;
    int32_t k;
    state->tick = 0u;
    state->modulator = 0;
    state->learning = 1u;
    state->seed_key = ap_seed_key(network->seed);
    for (k = 0; k < network->population_count; k++) {
        const ap_population *p = &network->populations[k];
        ap_population_init(p);
        if (p->poisson != NULL) {
            ap_poisson_init(p, state->seed_key);
        }
    }
    for (k = 0; k < network->projection_count; k++) {
        ap_projection_init(network, k);
    }
}

/** Step 1: each population leaks its receptors, receives its incoming projections' spikes and integrates. */
static void integrate_populations(const ap_network *network)
{
    int32_t p;
    int32_t k;
    for (p = 0; p < network->population_count; p++) {
        ap_population_decay_receptors(&network->populations[p]);
        for (k = 0; k < network->projection_count; k++) {
            if (network->projections[k].post == p) {
                ap_projection_propagate(network, &network->projections[k]);
            }
        }
        ap_population_integrate(&network->populations[p], network->state->learning);
    }
}

/** Step 5: postsynaptic-spike, modulator and every-tick terms, normalisation and baselines. */
static void learn_after_spikes(const ap_network *network)
{
    int32_t k;
    for (k = 0; k < network->projection_count; k++) {
        const ap_projection *projection = &network->projections[k];
        ap_rule_learn_on_post_spikes(network, projection);
        ap_rule_learn_everywhere(network, projection);
        ap_rule_normalise_changed(network, projection);
        ap_rule_update_baseline(network, projection);
    }
}

static void step(const ap_network *network);

void ap_network_step(const ap_network *network)
{
#ifdef APLYSIA_TICK_OBSERVER
    ap_tick_observed(1);
    step(network);
    ap_tick_observed(0);
#else
    step(network);
#endif
}

/** One tick, in the documented order. */
static void step(const ap_network *network)
{
    ap_network_state *state = network->state;
    int32_t k;
    state->tick++;
    for (k = 0; k < network->population_count; k++) {
        if (network->populations[k].poisson != NULL) {
            ap_poisson_generate(&network->populations[k], state->seed_key, state->tick);
        }
    }
    integrate_populations(network);
    for (k = 0; k < network->population_count; k++) {
        ap_traces_advance(&network->populations[k], state->tick);
    }
    if (state->learning) {
        for (k = 0; k < network->projection_count; k++) {
            ap_rule_begin_tick(network, &network->projections[k]);
            ap_rule_decay_eligibility(network, &network->projections[k]);
            ap_rule_learn_on_pre_spikes(network, &network->projections[k]);
        }
    }
    for (k = 0; k < network->population_count; k++) {
        ap_traces_add_spikes(&network->populations[k], state->tick);
    }
    if (state->learning) {
        learn_after_spikes(network);
    }
}

void ap_network_set_modulator(const ap_network *network, int32_t raw)
{
    network->state->modulator = (int32_t)ap_saturate(raw, AP_MODULATOR_BITS);
}

void ap_network_set_learning(const ap_network *network, uint8_t enabled)
{
    network->state->learning = enabled != 0u;
}

void ap_network_reset_activity(const ap_network *network)
{
    int32_t k;
    for (k = 0; k < network->population_count; k++) {
        ap_population_reset_activity(&network->populations[k], network->state->tick);
    }
    for (k = 0; k < network->projection_count; k++) {
        ap_rule_reset_eligibility(network, &network->projections[k]);
    }
}

uint32_t ap_network_key(const ap_network *network, uint32_t stream)
{
    return ap_key(network->state->seed_key, stream, network->state->tick, 0u);
}
