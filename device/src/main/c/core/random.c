/*
 * Counter-based random streams: the C twin of Java's CounterRandom and GeometricIntervals. All arithmetic is on
 * uint32_t (multiplication modulo 2^32, as Java's int multiply), so a draw is the same bits on any target.
 */
#include "aplysia.h"

#define GOLDEN 0x9E3779B9u
#define LANE 0x85EBCA6Bu
#define INTERVAL_FRACTION 16
#define BITS_LOG2 ((int64_t)32 << INTERVAL_FRACTION)

uint32_t ap_mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return x;
}

uint32_t ap_seed_key(uint64_t seed)
{
    return ap_mix(ap_mix((uint32_t)(seed & 0xFFFFFFFFu)) ^ (uint32_t)(seed >> 32));
}

uint32_t ap_key(uint32_t seed_key, uint32_t stream, uint64_t counter, uint32_t lane)
{
    uint32_t k = ap_mix(seed_key ^ stream * GOLDEN);
    k = ap_mix(k ^ (uint32_t)(counter & 0xFFFFFFFFu));
    return ap_mix(k ^ (uint32_t)(counter >> 32) ^ lane * LANE);
}

uint32_t ap_draw(uint32_t key, uint32_t index)
{
    return ap_mix(key ^ index * GOLDEN);
}

uint32_t ap_draw16(uint32_t key, uint32_t index)
{
    return ap_draw(key, index) >> 16;
}

uint32_t ap_below(uint32_t key, uint32_t index, uint32_t span)
{
    return (uint32_t)(((uint64_t)ap_draw(key, index) * span) >> 32);
}

int32_t ap_geometric_interval(uint32_t random_bits, int64_t scale_q16)
{
    int64_t minus_log2 = BITS_LOG2 - ap_log2_q16((uint64_t)random_bits + 1u);
    uint64_t ticks = 1u + (((uint64_t)minus_log2 * (uint64_t)scale_q16) >> (2 * INTERVAL_FRACTION));
    return ticks > (uint64_t)AP_MAX_INTERVAL ? AP_MAX_INTERVAL : (int32_t)ticks;
}
