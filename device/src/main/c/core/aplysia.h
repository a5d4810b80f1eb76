/*
 * Aplysia's fixed-point core in C99: the integer twin of the Java reference (dev.aplysia.device.core), bit for bit.
 *
 * A network is two halves: a constant configuration (sizes, raw constants, rule terms, initial weights, written by
 * the Java table generator dev.aplysia.device.export) and state held in caller-provided static arrays, referenced
 * from the configuration. Nothing here allocates, reads a clock or uses floating point. Every shift of a negative
 * value, every narrowing and every overflow that Java defines goes through a helper in fx.c.
 */
#ifndef APLYSIA_H
#define APLYSIA_H

#include <stdint.h>
#include <stddef.h>

#include "aplysia_formats.h"

/* ---- fixed-point arithmetic (fx.c), Java's Fx ---- */

/** 1.0 as a Q15 factor, a Q16 decay multiplier and a Q30 fraction. */
#define AP_ONE_Q15 ((int32_t)1 << 15)
#define AP_ONE_Q16 ((int32_t)1 << 16)
#define AP_ONE_Q30 ((int32_t)1 << 30)

/** The int64 with the bits of u (two's complement), as Java's (long) of the same 64 bits. */
int64_t ap_from_u64(uint64_t u);
/** The int32 with the bits of u (two's complement), as Java's (int) of the same 32 bits. */
int32_t ap_from_u32(uint32_t u);
/** value * 2^shift keeping the low 64 bits, as Java's {@code value << shift}. */
int64_t ap_shl64(int64_t value, int shift);
/** floor(value / 2^shift), as Java's {@code value >> shift} (arithmetic), for 0 <= shift < 64. */
int64_t ap_sar64(int64_t value, int shift);
/** a + b keeping the low 64 bits, as Java's long addition. */
int64_t ap_add64(int64_t a, int64_t b);
/** a * b keeping the low 64 bits, as Java's long multiplication. */
int64_t ap_mul64(int64_t a, int64_t b);
/** The low 32 bits of value, sign-extended: Java's (int) narrowing. */
int32_t ap_narrow32(int64_t value);
/** The low 16 bits of value, sign-extended: Java's (short) narrowing. */
int16_t ap_narrow16(int64_t value);

/** Clamps value to the signed range of bits bits (2..63). */
int64_t ap_saturate(int64_t value, int bits);
/** Keeps the low bits bits of value, sign-extended (two's complement wrap), 1..64 bits. */
int64_t ap_wrap(int64_t value, int bits);
/** Clamps value to [min, max]. */
int32_t ap_clamp(int64_t value, int32_t min, int32_t max);
/** value / 2^shift rounded to nearest, ties toward +infinity (add half, arithmetic shift). */
int64_t ap_shift_round(int64_t value, int shift);
/** a * b / 2^15 rounded to nearest. */
int64_t ap_mul_q15(int64_t a, int64_t b);
/** a * b / 2^30 rounded to nearest. */
int64_t ap_mul_q30(int64_t a, int64_t b);
/** log2(x) with 16 fraction bits for x >= 1, floor or one step below; 0 for x < 1 (Java throws). */
int32_t ap_log2_q16(uint64_t x);
/** value * decay_q16 / 2^16 rounded toward zero, 64-bit. */
int64_t ap_decay_toward_zero64(int64_t value, int32_t decay_q16);
/** The same for a 32-bit value and a multiplier in [0, 2^16], in 32-bit operations only. */
int32_t ap_decay_toward_zero32(int32_t value, int32_t decay_q16);
/** value / 2^shift rounded down, or up with probability the discarded fraction, from 16 random bits. */
int64_t ap_stochastic_shift(int64_t value, int shift, uint32_t random16);
/** The largest r with r * r <= value, for value >= 0 (0 for a negative value: Java throws). */
int64_t ap_isqrt(int64_t value);

/* ---- counter-based random streams (random.c), Java's CounterRandom ---- */

/** The named streams, by their fixed ids. */
#define AP_STREAM_INITIALISATION 1u
#define AP_STREAM_ENCODING 2u
#define AP_STREAM_ROUNDING 3u
#define AP_STREAM_POISSON 4u

/** lowbias32: a bijective 32-bit mixer. */
uint32_t ap_mix(uint32_t x);
/** The seed's key: mix(mix(seedLow) ^ seedHigh). */
uint32_t ap_seed_key(uint64_t seed);
/** The key of stream at counter and lane. */
uint32_t ap_key(uint32_t seed_key, uint32_t stream, uint64_t counter, uint32_t lane);
/** 32 uniformly random bits for index under key. */
uint32_t ap_draw(uint32_t key, uint32_t index);
/** 16 uniformly random bits (0..65535). */
uint32_t ap_draw16(uint32_t key, uint32_t index);
/** A uniform integer in [0, span), span > 0. */
uint32_t ap_below(uint32_t key, uint32_t index, uint32_t span);
/** A geometric inter-spike interval (1 .. 2^30 ticks) from 32 random bits and c = 1 / -log2(1 - p) in Q16. */
int32_t ap_geometric_interval(uint32_t random_bits, int64_t scale_q16);

/* ---- spikes (spikes.c) ---- */

/** 32-bit words a spike set of n neurons needs. */
#define AP_SPIKE_WORDS(n) (((n) + 31) / 32)

void ap_spikes_clear(uint32_t *words, int32_t size);
void ap_spikes_set(uint32_t *words, int32_t i);
int ap_spikes_get(const uint32_t *words, int32_t i);
/** The first spiking index >= from, or -1. */
int32_t ap_spikes_next(const uint32_t *words, int32_t size, int32_t from);

/* ---- configuration: constants written by the Java table generator ---- */

/** A trace's constants: clocked (leak every tick) or event-driven (Q30 power tables). */
typedef struct {
    int32_t decay_q16;
    int32_t increment;
    uint8_t set;
    uint8_t event_driven;
    int32_t horizon;
    const int32_t *low_powers;  /* decay^k, k < AP_TRACE_LOW, Q30 */
    const int32_t *high_powers; /* decay^(AP_TRACE_LOW k), Q30 */
} ap_trace_config;

#define AP_RECEPTOR_CURRENT 0u
#define AP_RECEPTOR_CONDUCTANCE 1u

/** A receptor's constants: decay (Q16), gain (Q30) and reversal potential (raw membrane). */
typedef struct {
    uint8_t kind;
    int32_t decay_q16;
    int32_t gain_q30;
    int32_t reversal;
} ap_receptor_config;

/** A Poisson source's constants: c in Q16, the wheel's size (a power of two) and the random lane. */
typedef struct {
    int64_t scale_q16;
    int32_t wheel_size;
    uint32_t lane;
} ap_poisson_config;

/** A population's state arrays, sized by the generated tables (NULL where the population has none). */
typedef struct {
    uint32_t *spikes;
    int32_t *trace;
    int32_t *trace_written;
    int32_t *v;
    int32_t *adapt;
    int32_t *bias;
    int16_t *refractory;
    int32_t *current;
    int32_t *injected;
    int32_t *receptor_g; /* [receptor][neuron] */
    int32_t *winner_index;
    int32_t *winner_margin;
    int32_t *due;
    int32_t *next;
    int32_t *bucket;
    int32_t excitability_gain;
} ap_population_state;

/** A population: LIF neurons (lif), a spike source an encoder writes, or a Poisson source (poisson != NULL). */
typedef struct {
    int32_t size;
    uint8_t lif;
    int32_t membrane_bits;
    uint8_t membrane_wraps;
    int32_t rest;
    int32_t decay_q16;
    int32_t threshold;
    int32_t reset;
    int32_t refractory_ticks;
    int32_t adapt_increment;
    int32_t adapt_decay_q16;
    int32_t initial_bias;
    int32_t bias_decrement;
    int32_t winners;
    int32_t current_shift;
    int32_t receptor_count;
    const ap_receptor_config *receptors;
    ap_trace_config trace;
    const ap_poisson_config *poisson;
    ap_population_state *state;
} ap_population;

/** The factor codes a term multiplies (explicit values, independent of Java's declaration order). */
#define AP_FACTOR_PRE_SPIKE 1u
#define AP_FACTOR_POST_SPIKE 2u
#define AP_FACTOR_PRE_TRACE 3u
#define AP_FACTOR_POST_TRACE 4u
#define AP_FACTOR_WEIGHT 5u
#define AP_FACTOR_WEIGHT_HEADROOM 6u
#define AP_FACTOR_WEIGHT_FLOOR 7u
#define AP_FACTOR_ELIGIBILITY 8u
#define AP_FACTOR_CONSOLIDATION 9u
#define AP_FACTOR_MODULATOR 10u
#define AP_FACTOR_MODULATOR_DEVIATION 11u
#define AP_FACTOR_MODULATOR_ON 12u

/** The gates, numbered as their rounding lanes. */
#define AP_GATE_PRE_SPIKE 0
#define AP_GATE_POST_SPIKE 1
#define AP_GATE_MODULATOR 2
#define AP_GATE_EVERY_TICK 3
#define AP_GATES 4

#define AP_MAX_FACTORS 6

/** One term: a raw coefficient at its target's precision plus AP_EXTRA_BITS, times each factor as Q15. */
typedef struct {
    int64_t coefficient;
    uint8_t factor_count;
    uint8_t factors[AP_MAX_FACTORS];
} ap_term;

/** The terms of one target on one gate. */
typedef struct {
    const ap_term *terms;
    int32_t count;
} ap_terms;

/** A plasticity rule compiled to raw constants. */
typedef struct {
    ap_terms weight[AP_GATES];
    ap_terms eligibility[AP_GATES];
    ap_terms consolidation[AP_GATES];
    uint8_t active[AP_GATES];
    uint8_t needs_pre[AP_GATES];
    uint8_t needs_post[AP_GATES];
    int32_t weight_to_q15;
    int32_t w_min;
    int32_t w_max;
    int32_t eligibility_decay_q16;
    int32_t max_consolidation;
    int32_t baseline_shift;
    int32_t weight_sum;
    uint8_t stochastic;
    uint8_t reads_deviation;
} ap_rule;

/** A projection's plastic state (eligibility and consolidation NULL when the rule keeps none). */
typedef struct {
    int16_t *weights; /* [pre][post] */
    int16_t *eligibility;
    int16_t *consolidation;
    uint32_t *changed_posts;
    int32_t baseline;
    uint32_t rounding_key[AP_GATES];
} ap_projection_state;

/** A dense projection into the one-tick current (receptor -1) or into a receptor of its post population. */
typedef struct {
    int32_t pre;
    int32_t post;
    int32_t receptor;
    int32_t weight_shift;
    /** 1 if the weight bounds prove no tick's sum into the one-tick current can leave int32: a plain add. */
    int32_t plain_sum;
    const int16_t *initial_weights;
    const ap_rule *rule;
    ap_projection_state *state;
} ap_projection;

/** The network's scalars. */
typedef struct {
    uint64_t tick;
    int32_t modulator;
    uint8_t learning;
    uint32_t seed_key;
} ap_network_state;

/** A network: populations in step order, projections in spec order, the seed. */
typedef struct {
    uint64_t seed;
    int32_t population_count;
    const ap_population *populations;
    int32_t projection_count;
    const ap_projection *projections;
    ap_network_state *state;
} ap_network;

/* ---- the network (network.c, population.c, traces.c, poisson.c, rule.c) ---- */

/** Puts a network in its freshly built state: initial weights, membranes at reset, Poisson first intervals. */
void ap_network_init(const ap_network *network);
/** Advances the network by one tick, in the documented order. */
void ap_network_step(const ap_network *network);
/** Sets the neuromodulator (raw, saturated to its format). */
void ap_network_set_modulator(const ap_network *network, int32_t raw);
/** Freezes (0) or resumes (1) learning. */
void ap_network_set_learning(const ap_network *network, uint8_t enabled);
/** Clears activity between samples, keeping what was learned. */
void ap_network_reset_activity(const ap_network *network);

/** Trace i of population p now (raw). */
int32_t ap_trace_value(const ap_population *p, uint64_t tick, int32_t i);
/** Sets the current injected into neuron i every tick (raw membrane units). */
void ap_population_inject(const ap_population *p, int32_t i, int32_t raw);
/** Scales every neuron's excitability by gain_q15 (Q15, 0 .. 4 exclusive) until changed; 1.0 is as learned. */
void ap_population_set_excitability_gain(const ap_population *p, int32_t gain_q15);
/** The key of stream at the network's tick, lane 0: Java's Network.key (an encoder's phases come from it). */
uint32_t ap_network_key(const ap_network *network, uint32_t stream);
/**
 * The IEEE CRC-32 of the network's whole state in Java's Network.visitState order: each section's values big-endian
 * in their container width (int32 or int16), without names or headers (the bytes of SnapshotCodec's sections).
 */
uint32_t ap_network_state_crc32(const ap_network *network);

/* internal steps, shared between the core's files */
void ap_traces_advance(const ap_population *p, uint64_t now);
void ap_traces_add_spikes(const ap_population *p, uint64_t tick);
void ap_traces_reset(const ap_population *p, uint64_t tick);
void ap_poisson_init(const ap_population *p, uint32_t seed_key);
int32_t ap_poisson_generate(const ap_population *p, uint32_t seed_key, uint64_t tick);
void ap_population_init(const ap_population *p);
void ap_population_decay_receptors(const ap_population *p);
void ap_population_integrate(const ap_population *p, uint8_t learning);
void ap_population_reset_activity(const ap_population *p, uint64_t tick);
void ap_projection_init(const ap_network *network, int32_t index);
void ap_projection_propagate(const ap_network *network, const ap_projection *projection);

#ifdef APLYSIA_TICK_OBSERVER
/**
 * Built with APLYSIA_TICK_OBSERVER, ap_network_step calls this, which the program supplies, with starting = 1
 * before and 0 after each tick (for measuring a tick's cost); without it the core calls nothing.
 */
void ap_tick_observed(int starting);
#endif
void ap_rule_begin_tick(const ap_network *network, const ap_projection *projection);
void ap_rule_decay_eligibility(const ap_network *network, const ap_projection *projection);
void ap_rule_learn_on_pre_spikes(const ap_network *network, const ap_projection *projection);
void ap_rule_learn_on_post_spikes(const ap_network *network, const ap_projection *projection);
void ap_rule_learn_everywhere(const ap_network *network, const ap_projection *projection);
void ap_rule_normalise_changed(const ap_network *network, const ap_projection *projection);
void ap_rule_update_baseline(const ap_network *network, const ap_projection *projection);
void ap_rule_reset_eligibility(const ap_network *network, const ap_projection *projection);

/* ---- encoders and decoders (encode.c, decode.c), Java's RateEncoder and ClassDecoder ---- */

/** A rate encoder: rates normalised to an L2 norm, phases drawn at load, one accumulator per channel (Q16). */
typedef struct {
    int32_t channels;
    int64_t norm_rate_q16;
    int32_t max_rate_q16;
    int32_t *rate;
    int32_t *accumulator;
    int32_t *phase;
} ap_rate_encoder;

/** Loads a sample of channels intensities (each >= 0): its rates, and phases from index i of key. */
void ap_encoder_load(const ap_rate_encoder *encoder, const int32_t *values, uint32_t key);
/** Starts the loaded sample's spike trains again from their first tick. */
void ap_encoder_rewind(const ap_rate_encoder *encoder);
/** Writes one tick of spikes into words (cleared first). */
void ap_encoder_encode(const ap_rate_encoder *encoder, uint32_t *words);

/** A class decoder: the output neuron that spiked most; ties to the higher membrane, then to the lower index. */
typedef struct {
    const ap_population *output;
    int32_t *counts;
} ap_class_decoder;

void ap_decoder_reset(const ap_class_decoder *decoder);
/** Counts this tick's output spikes. */
void ap_decoder_observe(const ap_class_decoder *decoder);
int32_t ap_decoder_decide(const ap_class_decoder *decoder);
/** Output spikes in this presentation, all classes. */
int32_t ap_decoder_total(const ap_class_decoder *decoder);

/* ---- the spiking classifier (classifier.c), Java's SpikingClassifier ---- */

/** A classifier's presentation state. */
typedef struct {
    uint8_t phase;
    int32_t ticks_left;
    int32_t label;
    int32_t significance_q15;
    uint8_t learning_before;
    uint8_t answered_right;
    int32_t answer;
    int32_t predicting_winner;
    int32_t learning_winner;
} ap_classifier_state;

/** A classifier over its network (populations by index), with its constants raw, written by the Java generator. */
typedef struct {
    const ap_network *network;
    int32_t input;
    int32_t features;
    int32_t output;
    int32_t classes;
    int32_t ticks_per_sample;
    int32_t max_classify_ticks;
    uint8_t outcome_gated;
    uint8_t consolidates;
    int32_t teacher_current;  /* raw output membrane */
    int32_t recruit_gain_q15;
    int32_t refine_modulator; /* raw modulator */
    const ap_rate_encoder *encoder;
    const ap_class_decoder *decoder;
    int32_t *sample;
    ap_classifier_state *state;
} ap_classifier;

/** Puts the classifier and its network in their freshly built state. */
void ap_classifier_init(const ap_classifier *classifier);
/**
 * Starts a learning presentation of one sample (inputs intensities, each >= 0) with its label, to be advanced by
 * ap_classifier_tick; significance_q15 scales the modulator (Q15, 1.0 = a normal teaching event; below 4.0).
 * Returns 0, or -1 (nothing started) for a label out of range or while a presentation is in progress.
 */
int ap_classifier_begin_learning(const ap_classifier *classifier, const int32_t *intensities, int32_t label,
        int32_t significance_q15);
/**
 * Starts a classifying presentation (learning frozen), to be advanced by ap_classifier_tick. Returns 0, or -1
 * (nothing started) while a presentation is in progress.
 */
int ap_classifier_begin_classifying(const ap_classifier *classifier, const int32_t *intensities);
/**
 * Advances the current presentation by one network tick (the modulating tick of a learning presentation included);
 * returns 1 when it has just finished (then ap_classifier_decision is final), and 1 at once when none is in progress.
 */
int ap_classifier_tick(const ap_classifier *classifier);
/** 1 while a presentation is in progress. */
int ap_classifier_presenting(const ap_classifier *classifier);
/**
 * Presents one sample with its label and learns from it, start to finish (ap_classifier_begin_learning, then
 * ap_classifier_tick until it finishes). Returns 0, or -1 as ap_classifier_begin_learning.
 */
int ap_classifier_learn(const ap_classifier *classifier, const int32_t *intensities, int32_t label,
        int32_t significance_q15);
/** Presents one sample with learning frozen, start to finish, and returns the decoded class (-1: a presentation
 *  was in progress, nothing presented). */
int32_t ap_classifier_classify(const ap_classifier *classifier, const int32_t *intensities);
/** The class an outcome-gated learner answered before being taught its last sample (-1: no output spike). */
int32_t ap_classifier_answer(const ap_classifier *classifier);
/** The class decoded from the last presentation's output spikes. */
int32_t ap_classifier_decision(const ap_classifier *classifier);

/* ---- snapshots (snapshot.c), Java's SnapshotCodec version 3 ---- */

/** A section's value kind: its bytes per value, as in the format. */
#define AP_SNAPSHOT_INT16 2u
#define AP_SNAPSHOT_INT32 4u

/** One section as the Java network visits it: name, kind, count, and the [min, max] pairs its values obey. */
typedef struct {
    const char *name;
    uint8_t kind;
    int32_t count;
    int32_t range_count; /* 1: one range for every value; count: one range per value */
    const int32_t *ranges; /* min, max, ... */
} ap_snapshot_section;

/** A network's snapshot layout, generated by dev.aplysia.device.export.CSnapshotTables. */
typedef struct {
    uint64_t fingerprint;
    const uint8_t *identity;
    int32_t identity_bytes;
    int32_t section_count;
    const ap_snapshot_section *sections;
} ap_snapshot_layout;

/** What decoding found wrong (AP_SNAPSHOT_OK: nothing). */
#define AP_SNAPSHOT_OK 0
#define AP_SNAPSHOT_TRUNCATED 1
#define AP_SNAPSHOT_BAD_MAGIC 2
#define AP_SNAPSHOT_BAD_CHECKSUM 3
#define AP_SNAPSHOT_BAD_VERSION 4
#define AP_SNAPSHOT_FOREIGN_NETWORK 5
#define AP_SNAPSHOT_FOREIGN_LAYOUT 6
#define AP_SNAPSHOT_BAD_VALUE 7
#define AP_SNAPSHOT_BAD_TICK 8
#define AP_SNAPSHOT_BUFFER_TOO_SMALL 9
#define AP_SNAPSHOT_TABLES_MISMATCH 10

#define AP_SNAPSHOT_MESSAGE_BYTES 160

/** Why a snapshot was refused: the code, the section and value index (-1 where none) and a message. */
typedef struct {
    int code;
    int32_t section;
    int32_t index;
    char message[AP_SNAPSHOT_MESSAGE_BYTES];
} ap_snapshot_error;

/** The bytes of every snapshot of the network laid out by layout. */
uint32_t ap_snapshot_size(const ap_snapshot_layout *layout);
/** Writes the network's snapshot into buffer (capacity bytes); returns AP_SNAPSHOT_OK or AP_SNAPSHOT_BUFFER_TOO_SMALL. */
int ap_snapshot_encode(const ap_network *network, const ap_snapshot_layout *layout, uint8_t *buffer,
        uint32_t capacity);
/**
 * Loads a version 3 snapshot into a network ap_network_init has set up: all or nothing. Returns AP_SNAPSHOT_OK, or
 * a code with error filled in and the network untouched.
 */
int ap_snapshot_decode(const ap_network *network, const ap_snapshot_layout *layout, const uint8_t *snapshot,
        uint32_t size, ap_snapshot_error *error);
/** Files every input of a Poisson source in the bucket of its due tick, as Java's PoissonInputs.refile. */
void ap_poisson_refile(const ap_population *p);

/* ---- end of snapshots ---- */

#endif
