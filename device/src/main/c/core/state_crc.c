/*
 * The CRC-32 of a network's whole state, in Java's Network.visitState order: the scalars (tick high and low words,
 * modulator, learning switch), per population its membranes, adaptive thresholds, excitability, refractory counters,
 * traces, trace ages (event-driven), receptor variables and a Poisson source's ticks to its next spikes, per
 * projection its weights, eligibility and consolidation, and last the baselines. Each value is fed big-endian in its
 * container width, as SnapshotCodec writes a section's values. IEEE CRC-32 (reflected, polynomial 0xEDB88320),
 * bit by bit: no table in RAM or flash.
 */
#include "aplysia.h"

#define CRC_POLYNOMIAL 0xEDB88320u

static uint32_t crc_byte(uint32_t crc, uint32_t byte)
{
    int bit;
    crc ^= byte & 0xFFu;
    for (bit = 0; bit < 8; bit++) {
        crc = (crc >> 1) ^ (CRC_POLYNOMIAL & (0u - (crc & 1u)));
    }
    return crc;
}

static uint32_t crc_u32(uint32_t crc, uint32_t value)
{
    crc = crc_byte(crc, value >> 24);
    crc = crc_byte(crc, value >> 16);
    crc = crc_byte(crc, value >> 8);
    return crc_byte(crc, value);
}

static uint32_t crc_int32s(uint32_t crc, const int32_t *values, int32_t count)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        crc = crc_u32(crc, (uint32_t)values[i]);
    }
    return crc;
}

static uint32_t crc_int16s(uint32_t crc, const int16_t *values, int32_t count)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        uint32_t bits = (uint32_t)(uint16_t)values[i];
        crc = crc_byte(crc_byte(crc, bits >> 8), bits);
    }
    return crc;
}

/** Each value's wrapped 32-bit difference from the tick's low word (ages of traces, ticks to Poisson spikes). */
static uint32_t crc_since(uint32_t crc, const int32_t *ticks, int32_t count, uint32_t now, int ahead)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        crc = crc_u32(crc, ahead ? (uint32_t)ticks[i] - now : now - (uint32_t)ticks[i]);
    }
    return crc;
}

static uint32_t crc_population(uint32_t crc, const ap_population *p, uint32_t now)
{
    const ap_population_state *s = p->state;
    if (p->lif) {
        crc = crc_int32s(crc, s->v, p->size);
        crc = crc_int32s(crc, s->adapt, p->size);
        crc = crc_int32s(crc, s->bias, p->size);
        crc = crc_int16s(crc, s->refractory, p->size);
    }
    crc = crc_int32s(crc, s->trace, p->size);
    if (p->trace.event_driven) {
        crc = crc_since(crc, s->trace_written, p->size, now, 0);
    }
    crc = crc_int32s(crc, s->receptor_g, p->receptor_count * p->size);
    if (p->poisson != NULL) {
        crc = crc_since(crc, s->due, p->size, now, 1);
    }
    return crc;
}

static uint32_t crc_projection(uint32_t crc, const ap_network *network, const ap_projection *projection)
{
    const ap_projection_state *s = projection->state;
    int32_t synapses = network->populations[projection->pre].size * network->populations[projection->post].size;
    crc = crc_int16s(crc, s->weights, synapses);
    if (s->eligibility != NULL) {
        crc = crc_int16s(crc, s->eligibility, synapses);
    }
    if (s->consolidation != NULL) {
        crc = crc_int16s(crc, s->consolidation, synapses);
    }
    return crc;
}

uint32_t ap_network_state_crc32(const ap_network *network)
{
    const ap_network_state *state = network->state;
    uint32_t now = (uint32_t)(state->tick & 0xFFFFFFFFu);
    uint32_t crc = 0xFFFFFFFFu;
    int32_t k;
    crc = crc_u32(crc, (uint32_t)(state->tick >> 32));
    crc = crc_u32(crc, now);
    crc = crc_u32(crc, (uint32_t)state->modulator);
    crc = crc_u32(crc, state->learning ? 1u : 0u);
    for (k = 0; k < network->population_count; k++) {
        crc = crc_population(crc, &network->populations[k], now);
    }
    for (k = 0; k < network->projection_count; k++) {
        crc = crc_projection(crc, network, &network->projections[k]);
    }
    for (k = 0; k < network->projection_count; k++) {
        crc = crc_u32(crc, (uint32_t)network->projections[k].state->baseline);
    }
    return crc ^ 0xFFFFFFFFu;
}
