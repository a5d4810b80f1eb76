/*
 * A Poisson source's schedule on a timing wheel, the C twin of Java's PoissonInputs: per input the (wrapped 32-bit)
 * tick of its next spike, filed in bucket due mod W, each bucket an intrusive list through next.
 */
#include "aplysia.h"

#define EMPTY (-1)

static void file(const ap_population *p, int32_t input)
{
    ap_population_state *s = p->state;
    int32_t slot = (int32_t)((uint32_t)s->due[input] & (uint32_t)(p->poisson->wheel_size - 1));
    s->next[input] = s->bucket[slot];
    s->bucket[slot] = input;
}

void ap_poisson_init(const ap_population *p, uint32_t seed_key)
{
    ap_population_state *s = p->state;
    uint32_t key = ap_key(seed_key, AP_STREAM_POISSON, 0u, p->poisson->lane);
    int32_t i;
    for (i = 0; i < p->size; i++) {
        s->due[i] = ap_geometric_interval(ap_draw(key, (uint32_t)i), p->poisson->scale_q16);
    }
    ap_poisson_refile(p);
}

void ap_poisson_refile(const ap_population *p)
{
    int32_t i;
    for (i = 0; i < p->poisson->wheel_size; i++) {
        p->state->bucket[i] = EMPTY;
    }
    for (i = 0; i < p->size; i++) {
        file(p, i);
    }
}

int32_t ap_poisson_generate(const ap_population *p, uint32_t seed_key, uint64_t tick)
{
    ap_population_state *s = p->state;
    uint32_t now = (uint32_t)(tick & 0xFFFFFFFFu);
    int32_t slot = (int32_t)(now & (uint32_t)(p->poisson->wheel_size - 1));
    int32_t input = s->bucket[slot];
    int32_t fired = 0;
    uint32_t key = 0u;
    ap_spikes_clear(s->spikes, p->size);
    s->bucket[slot] = EMPTY;
    while (input != EMPTY) {
        int32_t following = s->next[input];
        if ((uint32_t)s->due[input] == now) {
            uint32_t interval;
            if (fired == 0) {
                key = ap_key(seed_key, AP_STREAM_POISSON, tick, p->poisson->lane);
            }
            ap_spikes_set(s->spikes, input);
            interval = (uint32_t)ap_geometric_interval(ap_draw(key, (uint32_t)input), p->poisson->scale_q16);
            s->due[input] = ap_from_u32(now + interval);
            fired++;
        }
        file(p, input);
        input = following;
    }
    return fired;
}
