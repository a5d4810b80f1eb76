/*
 * A population's neurons, the C twin of Java's Population: leaky integrate-and-fire toward a resting potential,
 * receptors (current or conductance), adaptive threshold, excitability and its gain, refractory ticks, and
 * k-winner-take-all (largest margin first, ties to the lower index; the others reset).
 */
#include "aplysia.h"

/** Brings a membrane value into the membrane's format by its overflow rule. */
static int64_t fit_membrane(const ap_population *p, int64_t value)
{
    return p->membrane_wraps ? ap_wrap(value, p->membrane_bits) : ap_saturate(value, p->membrane_bits);
}

void ap_population_init(const ap_population *p)
{
    ap_population_state *s = p->state;
    int32_t i;
    s->excitability_gain = AP_ONE_Q15;
    ap_population_reset_activity(p, 0u);
    if (!p->lif) {
        return;
    }
    for (i = 0; i < p->size; i++) {
        s->adapt[i] = 0;
        s->bias[i] = p->initial_bias;
    }
}

void ap_population_inject(const ap_population *p, int32_t i, int32_t raw)
{
    p->state->injected[i] = raw;
}

void ap_population_set_excitability_gain(const ap_population *p, int32_t gain_q15)
{
    p->state->excitability_gain = gain_q15;
}

void ap_population_decay_receptors(const ap_population *p)
{
    int32_t r;
    int32_t j;
    for (r = 0; r < p->receptor_count; r++) {
        int32_t *g = p->state->receptor_g + r * p->size;
        for (j = 0; j < p->size; j++) {
            g[j] = ap_decay_toward_zero32(g[j], p->receptors[r].decay_q16);
        }
    }
}

/** The leaked membrane of neuron j moved by each receptor in turn, fitted to the membrane's format after each. */
static int64_t receptor_drive(const ap_population *p, int32_t j, int64_t leaked)
{
    int64_t next = leaked;
    int32_t r;
    for (r = 0; r < p->receptor_count; r++) {
        const ap_receptor_config *receptor = &p->receptors[r];
        int64_t product = (int64_t)p->state->receptor_g[r * p->size + j] * receptor->gain_q30;
        int64_t drive = receptor->kind == AP_RECEPTOR_CONDUCTANCE
                ? ap_mul_q30(ap_clamp(ap_shift_round(product, AP_G_FRACTION), 0, AP_ONE_Q30), receptor->reversal - next)
                : ap_shift_round(product, p->current_shift);
        next = fit_membrane(p, next + drive);
    }
    return next;
}

/** Files neuron j among this tick's winners (k-WTA) or lets it spike; returns the candidates so far. */
static int32_t admit(const ap_population *p, int32_t j, int32_t margin, int32_t candidates)
{
    ap_population_state *s = p->state;
    int32_t n;
    int32_t pos;
    if (p->winners == 0) {
        ap_spikes_set(s->spikes, j);
        return candidates + 1;
    }
    n = candidates < p->winners ? candidates : p->winners;
    if (n == p->winners && margin <= s->winner_margin[n - 1]) {
        return candidates + 1;
    }
    pos = n == p->winners ? n - 1 : n;
    while (pos > 0 && s->winner_margin[pos - 1] < margin) {
        s->winner_margin[pos] = s->winner_margin[pos - 1];
        s->winner_index[pos] = s->winner_index[pos - 1];
        pos--;
    }
    s->winner_margin[pos] = margin;
    s->winner_index[pos] = j;
    return candidates + 1;
}

static void inhibit_losers(const ap_population *p)
{
    ap_population_state *s = p->state;
    int32_t j;
    for (j = 0; j < p->size; j++) {
        if (s->refractory[j] == 0 && !ap_spikes_get(s->spikes, j)) {
            s->v[j] = p->reset;
        }
    }
}

static void fire(const ap_population *p, int32_t candidates, uint8_t learning)
{
    ap_population_state *s = p->state;
    int32_t j;
    if (p->winners > 0) {
        int32_t n = candidates < p->winners ? candidates : p->winners;
        int32_t k;
        for (k = 0; k < n; k++) {
            ap_spikes_set(s->spikes, s->winner_index[k]);
        }
        if (n > 0) {
            inhibit_losers(p);
        }
    }
    for (j = ap_spikes_next(s->spikes, p->size, 0); j >= 0; j = ap_spikes_next(s->spikes, p->size, j + 1)) {
        s->v[j] = p->reset;
        s->refractory[j] = (int16_t)p->refractory_ticks;
        if (learning) {
            int32_t spent = s->bias[j] - p->bias_decrement;
            s->adapt[j] = (int32_t)fit_membrane(p, (int64_t)s->adapt[j] + p->adapt_increment);
            s->bias[j] = spent > 0 ? spent : 0;
        }
    }
    if (learning && p->adapt_decay_q16 != AP_ONE_Q16) {
        for (j = 0; j < p->size; j++) {
            s->adapt[j] = ap_decay_toward_zero32(s->adapt[j], p->adapt_decay_q16);
        }
    }
}

/** Leaks, drives and fits neuron j's membrane; returns its margin over the threshold. */
static int64_t integrate_neuron(const ap_population *p, int32_t j, uint8_t learning)
{
    ap_population_state *s = p->state;
    int64_t excitability = learning ? ap_mul_q15(s->bias[j], s->excitability_gain) : 0;
    int64_t leaked = p->rest + ap_decay_toward_zero64((int64_t)s->v[j] - p->rest, p->decay_q16);
    int64_t next = receptor_drive(p, j, leaked) + s->current[j] + s->injected[j] + excitability;
    s->current[j] = 0;
    s->v[j] = (int32_t)fit_membrane(p, next);
    return (int64_t)s->v[j] - p->threshold - s->adapt[j];
}

void ap_population_integrate(const ap_population *p, uint8_t learning)
{
    ap_population_state *s = p->state;
    int32_t candidates = 0;
    int32_t j;
    if (!p->lif) {
        return;
    }
    ap_spikes_clear(s->spikes, p->size);
    for (j = 0; j < p->size; j++) {
        int64_t margin;
        if (s->refractory[j] > 0) {
            s->refractory[j]--;
            s->v[j] = p->reset;
            s->current[j] = 0;
            continue;
        }
        margin = integrate_neuron(p, j, learning);
        if (margin >= 0) {
            candidates = admit(p, j, margin > INT32_MAX ? INT32_MAX : (int32_t)margin, candidates);
        }
    }
    fire(p, candidates, learning);
}

void ap_population_reset_activity(const ap_population *p, uint64_t tick)
{
    ap_population_state *s = p->state;
    int32_t i;
    ap_spikes_clear(s->spikes, p->size);
    ap_traces_reset(p, tick);
    for (i = 0; i < p->receptor_count * p->size; i++) {
        s->receptor_g[i] = 0;
    }
    if (!p->lif) {
        return;
    }
    for (i = 0; i < p->size; i++) {
        s->v[i] = p->reset;
        s->current[i] = 0;
        s->refractory[i] = 0;
        s->injected[i] = 0;
    }
}
