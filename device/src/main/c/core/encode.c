/*
 * The rate encoder, the C twin of Java's RateEncoder: intensities divisively normalised to a fixed L2 norm of rates
 * (Q16 spikes per tick, capped), one uniform phase per channel drawn at load, and an accumulator that spikes and
 * drops by one each time it reaches one. One integer square root and one division per channel per sample.
 */
#include "aplysia.h"

void ap_encoder_load(const ap_rate_encoder *encoder, const int32_t *values, uint32_t key)
{
    int64_t sum_squares = 0;
    int64_t norm;
    int32_t i;
    for (i = 0; i < encoder->channels; i++) {
        sum_squares += (int64_t)values[i] * values[i];
    }
    norm = ap_isqrt(ap_shl64(sum_squares, 16));
    for (i = 0; i < encoder->channels; i++) {
        int64_t rate = norm == 0 ? 0 : ap_shl64(encoder->norm_rate_q16 * values[i], 8) / norm;
        encoder->rate[i] = rate < encoder->max_rate_q16 ? (int32_t)rate : encoder->max_rate_q16;
        encoder->phase[i] = (int32_t)ap_draw16(key, (uint32_t)i);
    }
    ap_encoder_rewind(encoder);
}

void ap_encoder_rewind(const ap_rate_encoder *encoder)
{
    int32_t i;
    for (i = 0; i < encoder->channels; i++) {
        encoder->accumulator[i] = encoder->phase[i];
    }
}

void ap_encoder_encode(const ap_rate_encoder *encoder, uint32_t *words)
{
    int32_t i;
    ap_spikes_clear(words, encoder->channels);
    for (i = 0; i < encoder->channels; i++) {
        int32_t next = encoder->accumulator[i] + encoder->rate[i];
        if (next >= AP_ONE_Q16) {
            next -= AP_ONE_Q16;
            ap_spikes_set(words, i);
        }
        encoder->accumulator[i] = next;
    }
}
