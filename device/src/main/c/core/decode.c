/*
 * The class decoder, the C twin of Java's ClassDecoder: the output neuron that spiked most during a presentation;
 * ties (no spikes at all included) go to the higher membrane potential, then to the lower index.
 */
#include "aplysia.h"

void ap_decoder_reset(const ap_class_decoder *decoder)
{
    int32_t k;
    for (k = 0; k < decoder->output->size; k++) {
        decoder->counts[k] = 0;
    }
}

void ap_decoder_observe(const ap_class_decoder *decoder)
{
    const ap_population *output = decoder->output;
    int32_t k;
    for (k = ap_spikes_next(output->state->spikes, output->size, 0); k >= 0;
            k = ap_spikes_next(output->state->spikes, output->size, k + 1)) {
        decoder->counts[k]++;
    }
}

int32_t ap_decoder_decide(const ap_class_decoder *decoder)
{
    const int32_t *counts = decoder->counts;
    const int32_t *v = decoder->output->state->v;
    int32_t best = 0;
    int32_t k;
    for (k = 1; k < decoder->output->size; k++) {
        if (counts[k] > counts[best] || (counts[k] == counts[best] && v[k] > v[best])) {
            best = k;
        }
    }
    return best;
}

int32_t ap_decoder_total(const ap_class_decoder *decoder)
{
    int32_t total = 0;
    int32_t k;
    for (k = 0; k < decoder->output->size; k++) {
        total += decoder->counts[k];
    }
    return total;
}
