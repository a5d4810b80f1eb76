/*
 * Spike traces, the C twin of Java's Traces: clocked (every trace leaks every tick, rounding toward zero) or
 * event-driven (stored with the tick of its last write, read as x * decay^n with decay^n the rounded product of two
 * Q30 table entries, rounding toward zero). Ticks are compared as wrapped 32-bit differences, as in Java.
 */
#include "aplysia.h"

#define TRACE_LOW ((int32_t)1 << AP_TRACE_LOW_BITS)

/** The signed difference of two wrapped 32-bit ticks. */
static int32_t ticks_between(uint64_t now, int32_t then)
{
    return ap_from_u32((uint32_t)(now & 0xFFFFFFFFu) - (uint32_t)then);
}

static int32_t low_tick(uint64_t tick)
{
    return ap_from_u32((uint32_t)(tick & 0xFFFFFFFFu));
}

static void retire_old(const ap_population *p, uint64_t now)
{
    ap_population_state *s = p->state;
    int32_t i;
    for (i = 0; i < p->size; i++) {
        if (ticks_between(now, s->trace_written[i]) >= p->trace.horizon) {
            s->trace[i] = 0;
            s->trace_written[i] = low_tick(now);
        }
    }
}

void ap_traces_advance(const ap_population *p, uint64_t now)
{
    int32_t i;
    if (p->trace.event_driven) {
        if ((now & (AP_TRACE_SWEEP_TICKS - 1u)) == 0u) {
            retire_old(p, now);
        }
        return;
    }
    if (p->trace.decay_q16 == AP_ONE_Q16) {
        return;
    }
    for (i = 0; i < p->size; i++) {
        p->state->trace[i] = ap_decay_toward_zero32(p->state->trace[i], p->trace.decay_q16);
    }
}

int32_t ap_trace_value(const ap_population *p, uint64_t tick, int32_t i)
{
    int32_t age;
    int64_t power;
    int64_t product;
    if (!p->trace.event_driven) {
        return p->state->trace[i];
    }
    age = ticks_between(tick, p->state->trace_written[i]);
    if (age == 0) {
        return p->state->trace[i];
    }
    if (age < 0 || age >= p->trace.horizon) {
        return 0;
    }
    power = ap_shift_round((int64_t)p->trace.low_powers[age & (TRACE_LOW - 1)]
            * p->trace.high_powers[age >> AP_TRACE_LOW_BITS], 30);
    product = (int64_t)p->state->trace[i] * power;
    return ap_narrow32(product >= 0 ? product >> 30 : -((-product) >> 30));
}

void ap_traces_add_spikes(const ap_population *p, uint64_t tick)
{
    ap_population_state *s = p->state;
    int32_t i;
    for (i = ap_spikes_next(s->spikes, p->size, 0); i >= 0; i = ap_spikes_next(s->spikes, p->size, i + 1)) {
        int32_t next = p->trace.set ? p->trace.increment
                : (int32_t)ap_saturate((int64_t)ap_trace_value(p, tick, i) + p->trace.increment, AP_TRACE_BITS);
        s->trace[i] = next;
        if (p->trace.event_driven) {
            s->trace_written[i] = low_tick(tick);
        }
    }
}

void ap_traces_reset(const ap_population *p, uint64_t tick)
{
    int32_t i;
    for (i = 0; i < p->size; i++) {
        p->state->trace[i] = 0;
        if (p->trace.event_driven) {
            p->state->trace_written[i] = low_tick(tick);
        }
    }
}
