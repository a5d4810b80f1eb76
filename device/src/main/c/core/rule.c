/*
 * The plasticity rule interpreter, the C twin of Java's RuleEngine.update and Projection's reference walks: one
 * synapse at a time, each term its raw coefficient times each factor as a Q15 value, rounded to nearest after each
 * product; eligibility, then weight (scaled by 1 - c, rounded stochastically or to nearest, clamped), then
 * consolidation. A stochastic rounding of synapse s on a gate draws index s of key(ROUNDING, tick, gate).
 */
#include "aplysia.h"

/** What one synapse's terms read besides the synapse's own state. */
typedef struct {
    int32_t pre_trace;
    int32_t pre_spike;
    int32_t post_trace;
    int32_t post_spike;
} ap_activity;

/** A raw trace as a Q15 factor, rounded to nearest. */
static int64_t trace_q15(int32_t trace)
{
    return ap_shift_round(trace, AP_TRACE_FRACTION - 15);
}

static int64_t factor(const ap_network *network, const ap_projection *projection, uint8_t code, int32_t s,
        const ap_activity *a)
{
    const ap_rule *rule = projection->rule;
    const ap_projection_state *state = projection->state;
    int32_t modulator = network->state->modulator;
    switch (code) {
    case AP_FACTOR_PRE_SPIKE: return ap_shl64(a->pre_spike, 15);
    case AP_FACTOR_POST_SPIKE: return ap_shl64(a->post_spike, 15);
    case AP_FACTOR_PRE_TRACE: return trace_q15(a->pre_trace);
    case AP_FACTOR_POST_TRACE: return trace_q15(a->post_trace);
    case AP_FACTOR_WEIGHT: return ap_shl64(state->weights[s], rule->weight_to_q15);
    case AP_FACTOR_WEIGHT_HEADROOM: return ap_shl64(rule->w_max - state->weights[s], rule->weight_to_q15);
    case AP_FACTOR_WEIGHT_FLOOR: return ap_shl64(state->weights[s] - rule->w_min, rule->weight_to_q15);
    case AP_FACTOR_ELIGIBILITY: return ap_shl64(state->eligibility[s], 15 - AP_ELIGIBILITY_FRACTION);
    case AP_FACTOR_CONSOLIDATION: return state->consolidation[s];
    case AP_FACTOR_MODULATOR: return modulator;
    case AP_FACTOR_MODULATOR_DEVIATION: return (int64_t)modulator - state->baseline;
    case AP_FACTOR_MODULATOR_ON: return modulator != 0 ? AP_ONE_Q15 : 0;
    default: return 0;
    }
}

/** The sum of all terms for synapse s, in the target's units with AP_EXTRA_BITS more fraction bits. */
static int64_t sum_terms(const ap_network *network, const ap_projection *projection, const ap_terms *terms,
        int32_t s, const ap_activity *a)
{
    int64_t sum = 0;
    int32_t t;
    for (t = 0; t < terms->count; t++) {
        const ap_term *term = &terms->terms[t];
        int64_t value = term->coefficient;
        int k;
        for (k = 0; k < term->factor_count && value != 0; k++) {
            value = ap_mul_q15(value, factor(network, projection, term->factors[k], s, a));
        }
        sum = ap_add64(sum, value);
    }
    return sum;
}

static int apply_weight(const ap_projection *projection, int gate, int32_t s, int64_t sum)
{
    const ap_rule *rule = projection->rule;
    ap_projection_state *state = projection->state;
    int64_t scaled;
    int64_t dw;
    int32_t next;
    int changed;
    if (sum == 0) {
        return 0;
    }
    scaled = state->consolidation == NULL ? sum : ap_mul_q15(sum, AP_ONE_Q15 - state->consolidation[s]);
    dw = rule->stochastic
            ? ap_stochastic_shift(scaled, AP_EXTRA_BITS, ap_draw16(state->rounding_key[gate], (uint32_t)s))
            : ap_shift_round(scaled, AP_EXTRA_BITS);
    if (dw == 0) {
        return 0;
    }
    next = ap_clamp(ap_add64(state->weights[s], dw), rule->w_min, rule->w_max);
    changed = next != state->weights[s];
    state->weights[s] = ap_narrow16(next);
    return changed;
}

/** Applies every term of gate to synapse s (eligibility, weight, consolidation); returns 1 if the weight changed. */
static int update(const ap_network *network, const ap_projection *projection, int gate, int32_t s,
        const ap_activity *a)
{
    const ap_rule *rule = projection->rule;
    ap_projection_state *state = projection->state;
    int changed = 0;
    if (state->eligibility != NULL && rule->eligibility[gate].count > 0) {
        int64_t sum = sum_terms(network, projection, &rule->eligibility[gate], s, a);
        state->eligibility[s] = ap_narrow16(ap_saturate(
                ap_add64(state->eligibility[s], ap_shift_round(sum, AP_EXTRA_BITS)), AP_ELIGIBILITY_BITS));
    }
    if (rule->weight[gate].count > 0) {
        changed = apply_weight(projection, gate, s, sum_terms(network, projection, &rule->weight[gate], s, a));
    }
    if (state->consolidation != NULL && rule->consolidation[gate].count > 0) {
        int64_t sum = sum_terms(network, projection, &rule->consolidation[gate], s, a);
        state->consolidation[s] = ap_narrow16(ap_clamp(
                ap_add64(state->consolidation[s], ap_shift_round(sum, AP_EXTRA_BITS)), 0, rule->max_consolidation));
    }
    return changed;
}

/** Updates synapse (i, j) on gate and notes a changed weight for normalisation. */
static void update_synapse(const ap_network *network, const ap_projection *projection, int gate, int32_t i,
        int32_t j, const ap_activity *a)
{
    int32_t post_size = network->populations[projection->post].size;
    if (update(network, projection, gate, i * post_size + j, a)) {
        ap_spikes_set(projection->state->changed_posts, j);
    }
}

/** The activity of pre neuron i and post neuron j this tick. */
static ap_activity activity(const ap_network *network, const ap_projection *projection, int32_t i, int32_t j)
{
    const ap_population *pre = &network->populations[projection->pre];
    const ap_population *post = &network->populations[projection->post];
    uint64_t tick = network->state->tick;
    ap_activity a;
    a.pre_trace = ap_trace_value(pre, tick, i);
    a.pre_spike = ap_spikes_get(pre->state->spikes, i);
    a.post_trace = ap_trace_value(post, tick, j);
    a.post_spike = ap_spikes_get(post->state->spikes, j);
    return a;
}

void ap_rule_begin_tick(const ap_network *network, const ap_projection *projection)
{
    int gate;
    if (!projection->rule->stochastic) {
        return;
    }
    for (gate = 0; gate < AP_GATES; gate++) {
        projection->state->rounding_key[gate] = ap_key(network->state->seed_key, AP_STREAM_ROUNDING,
                network->state->tick, (uint32_t)gate);
    }
}

void ap_rule_decay_eligibility(const ap_network *network, const ap_projection *projection)
{
    int32_t synapses = network->populations[projection->pre].size * network->populations[projection->post].size;
    int16_t *eligibility = projection->state->eligibility;
    int32_t s;
    if (eligibility == NULL || projection->rule->eligibility_decay_q16 == AP_ONE_Q16) {
        return;
    }
    for (s = 0; s < synapses; s++) {
        eligibility[s] = ap_narrow16(ap_decay_toward_zero32(eligibility[s], projection->rule->eligibility_decay_q16));
    }
}

void ap_rule_learn_on_pre_spikes(const ap_network *network, const ap_projection *projection)
{
    const ap_population *pre = &network->populations[projection->pre];
    int32_t post_size = network->populations[projection->post].size;
    int32_t i;
    int32_t j;
    if (!projection->rule->active[AP_GATE_PRE_SPIKE]) {
        return;
    }
    for (i = ap_spikes_next(pre->state->spikes, pre->size, 0); i >= 0;
            i = ap_spikes_next(pre->state->spikes, pre->size, i + 1)) {
        for (j = 0; j < post_size; j++) {
            ap_activity a = activity(network, projection, i, j);
            a.pre_spike = 1;
            update_synapse(network, projection, AP_GATE_PRE_SPIKE, i, j, &a);
        }
    }
}

void ap_rule_learn_on_post_spikes(const ap_network *network, const ap_projection *projection)
{
    const ap_population *post = &network->populations[projection->post];
    int32_t pre_size = network->populations[projection->pre].size;
    int32_t i;
    int32_t j;
    if (!projection->rule->active[AP_GATE_POST_SPIKE]) {
        return;
    }
    for (j = ap_spikes_next(post->state->spikes, post->size, 0); j >= 0;
            j = ap_spikes_next(post->state->spikes, post->size, j + 1)) {
        for (i = 0; i < pre_size; i++) {
            ap_activity a = activity(network, projection, i, j);
            a.post_spike = 1;
            update_synapse(network, projection, AP_GATE_POST_SPIKE, i, j, &a);
        }
    }
}

/** True if a neuron with this trace and spike can be skipped on a gate whose every term needs its activity. */
static int quiet(int32_t trace, int32_t spike)
{
    return trace == 0 && spike == 0;
}

/** The pre-side activity of pre neuron i this tick, or 0 when the gate needs it and it is quiet. */
static int pre_active(const ap_network *network, const ap_projection *projection, int gate, int32_t i)
{
    const ap_population *pre = &network->populations[projection->pre];
    return !projection->rule->needs_pre[gate] || !quiet(ap_trace_value(pre, network->state->tick, i),
            ap_spikes_get(pre->state->spikes, i));
}

/**
 * Runs gate's terms on every synapse that can have a non-zero term, skipping quiet neurons where exact. When the
 * gate needs the post side, post neurons are the outer loop, so a quiet one is checked once, not once per row (the
 * terms of one synapse read only that synapse, so the visiting order does not change the result).
 */
static void sweep(const ap_network *network, const ap_projection *projection, int gate)
{
    const ap_population *post = &network->populations[projection->post];
    int32_t pre_size = network->populations[projection->pre].size;
    int32_t i;
    int32_t j;
    if (!projection->rule->needs_post[gate]) {
        for (i = 0; i < pre_size; i++) {
            if (pre_active(network, projection, gate, i)) {
                for (j = 0; j < post->size; j++) {
                    ap_activity a = activity(network, projection, i, j);
                    update_synapse(network, projection, gate, i, j, &a);
                }
            }
        }
        return;
    }
    for (j = 0; j < post->size; j++) {
        if (quiet(ap_trace_value(post, network->state->tick, j), ap_spikes_get(post->state->spikes, j))) {
            continue;
        }
        for (i = 0; i < pre_size; i++) {
            if (pre_active(network, projection, gate, i)) {
                ap_activity a = activity(network, projection, i, j);
                update_synapse(network, projection, gate, i, j, &a);
            }
        }
    }
}

/** True if the modulator-gated terms can be non-zero this tick. */
static int modulator_active(const ap_network *network, const ap_projection *projection)
{
    int32_t modulator = network->state->modulator;
    return modulator != 0 || (projection->rule->reads_deviation && modulator != projection->state->baseline);
}

void ap_rule_learn_everywhere(const ap_network *network, const ap_projection *projection)
{
    if (projection->rule->active[AP_GATE_MODULATOR] && modulator_active(network, projection)) {
        sweep(network, projection, AP_GATE_MODULATOR);
    }
    if (projection->rule->active[AP_GATE_EVERY_TICK]) {
        sweep(network, projection, AP_GATE_EVERY_TICK);
    }
}

/** Rescales the incoming weights of post neuron j to sum to the rule's target (no-op for a sum <= 0). */
static void normalise(const ap_network *network, const ap_projection *projection, int32_t j)
{
    const ap_rule *rule = projection->rule;
    int16_t *weights = projection->state->weights;
    int32_t pre_size = network->populations[projection->pre].size;
    int32_t post_size = network->populations[projection->post].size;
    int64_t sum = 0;
    int64_t scale_q16;
    int32_t i;
    for (i = 0; i < pre_size; i++) {
        sum += weights[i * post_size + j];
    }
    if (sum <= 0) {
        return;
    }
    scale_q16 = ((int64_t)rule->weight_sum << 16) / sum;
    for (i = 0; i < pre_size; i++) {
        int32_t s = i * post_size + j;
        weights[s] = ap_narrow16(ap_clamp(ap_shift_round(ap_mul64(weights[s], scale_q16), 16),
                rule->w_min, rule->w_max));
    }
}

void ap_rule_normalise_changed(const ap_network *network, const ap_projection *projection)
{
    int32_t post_size = network->populations[projection->post].size;
    uint32_t *changed = projection->state->changed_posts;
    int32_t j;
    if (projection->rule->weight_sum != 0) {
        for (j = ap_spikes_next(changed, post_size, 0); j >= 0; j = ap_spikes_next(changed, post_size, j + 1)) {
            normalise(network, projection, j);
        }
    }
    ap_spikes_clear(changed, post_size);
}

void ap_rule_update_baseline(const ap_network *network, const ap_projection *projection)
{
    ap_projection_state *state = projection->state;
    if (projection->rule->baseline_shift > 0) {
        state->baseline = ap_narrow32((int64_t)state->baseline
                + ap_narrow32(ap_shift_round((int64_t)network->state->modulator - state->baseline,
                        projection->rule->baseline_shift)));
    }
}

void ap_rule_reset_eligibility(const ap_network *network, const ap_projection *projection)
{
    int32_t synapses = network->populations[projection->pre].size * network->populations[projection->post].size;
    int32_t s;
    if (projection->state->eligibility == NULL) {
        return;
    }
    for (s = 0; s < synapses; s++) {
        projection->state->eligibility[s] = 0;
    }
}
