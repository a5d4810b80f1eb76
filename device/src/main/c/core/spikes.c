/* Spike sets: one bit per neuron in 32-bit words, iterated in ascending index order like Java's Spikes. */
#include "aplysia.h"

void ap_spikes_clear(uint32_t *words, int32_t size)
{
    int32_t w;
    for (w = 0; w < AP_SPIKE_WORDS(size); w++) {
        words[w] = 0u;
    }
}

void ap_spikes_set(uint32_t *words, int32_t i)
{
    words[i >> 5] |= (uint32_t)1 << (i & 31);
}

int ap_spikes_get(const uint32_t *words, int32_t i)
{
    return (words[i >> 5] >> (i & 31)) & 1u;
}

int32_t ap_spikes_next(const uint32_t *words, int32_t size, int32_t from)
{
    int32_t i;
    for (i = from; i < size; i++) {
        uint32_t word = words[i >> 5] >> (i & 31);
        if (word == 0u) {
            i |= 31;
        } else if (word & 1u) {
            return i;
        }
    }
    return -1;
}
