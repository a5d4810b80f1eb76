/*
 * The online spiking classifier, the C twin of Java's SpikingClassifier: its presentation state machine over the
 * network (rate-encoded input, a 1-winner-take-all feature layer with excitability, a taught readout), with every
 * real constant of the Java learner converted to raw by the table generator.
 *
 * An outcome-gated learning presentation first answers with learning frozen (PREDICTING), then is presented again,
 * spike for spike, with the teacher current on the true class and the excitability gain raised after a wrong answer
 * (LEARNING), and ends with one tick of neuromodulator (MODULATING).
 */
#include "aplysia.h"

#define PHASE_IDLE 0u
#define PHASE_PREDICTING 1u
#define PHASE_LEARNING 2u
#define PHASE_MODULATING 3u
#define PHASE_CLASSIFYING 4u

static const ap_population *population(const ap_classifier *c, int32_t index)
{
    return &c->network->populations[index];
}

void ap_classifier_init(const ap_classifier *c)
{
    ap_classifier_state *s = c->state;
    ap_network_init(c->network);
    s->phase = PHASE_IDLE;
    s->ticks_left = 0;
    s->label = 0;
    s->significance_q15 = 0;
    s->learning_before = 1u;
    s->answered_right = 0u;
    s->answer = -1;
    s->predicting_winner = -1;
    s->learning_winner = -1;
    ap_decoder_reset(c->decoder);
}

static void present(const ap_classifier *c, const int32_t *intensities)
{
    ap_network_reset_activity(c->network);
    ap_decoder_reset(c->decoder);
    ap_encoder_load(c->encoder, intensities, ap_network_key(c->network, AP_STREAM_ENCODING));
}

/** Presents the loaded sample again, spike for spike, so only excitability can change the winner. */
static void represent(const ap_classifier *c)
{
    ap_network_reset_activity(c->network);
    ap_decoder_reset(c->decoder);
    ap_encoder_rewind(c->encoder);
}

static void step_encoded(const ap_classifier *c)
{
    ap_encoder_encode(c->encoder, population(c, c->input)->state->spikes);
    ap_network_step(c->network);
    ap_decoder_observe(c->decoder);
}

static int32_t first_winner(const ap_classifier *c, int32_t sofar)
{
    const ap_population *features = population(c, c->features);
    return sofar >= 0 ? sofar : ap_spikes_next(features->state->spikes, features->size, 0);
}

static void begin_taught(const ap_classifier *c)
{
    ap_classifier_state *s = c->state;
    int32_t gain = s->answered_right ? AP_ONE_Q15 : c->recruit_gain_q15;
    if (c->outcome_gated) {
        represent(c);
    } else {
        present(c, c->sample);
    }
    ap_population_inject(population(c, c->output), s->label, c->teacher_current);
    ap_population_set_excitability_gain(population(c, c->features),
            gain > s->significance_q15 ? gain : s->significance_q15);
    s->learning_winner = -1;
    s->ticks_left = c->ticks_per_sample;
    s->phase = PHASE_LEARNING;
}

int ap_classifier_begin_learning(const ap_classifier *c, const int32_t *intensities, int32_t label,
        int32_t significance_q15)
{
    ap_classifier_state *s = c->state;
    int32_t i;
    if (label < 0 || label >= c->classes || ap_classifier_presenting(c)) {
        return -1;
    }
    for (i = 0; i < c->encoder->channels; i++) {
        c->sample[i] = intensities[i];
    }
    s->label = label;
    s->significance_q15 = significance_q15;
    s->answer = -1;
    if (c->outcome_gated) {
        s->learning_before = c->network->state->learning;
        ap_network_set_learning(c->network, 0u);
        present(c, c->sample);
        s->predicting_winner = -1;
        s->ticks_left = c->ticks_per_sample;
        s->phase = PHASE_PREDICTING;
    } else {
        s->answered_right = 1u;
        begin_taught(c);
    }
    return 0;
}

int ap_classifier_begin_classifying(const ap_classifier *c, const int32_t *intensities)
{
    ap_classifier_state *s = c->state;
    if (ap_classifier_presenting(c)) {
        return -1;
    }
    s->learning_before = c->network->state->learning;
    ap_network_set_learning(c->network, 0u);
    present(c, intensities);
    s->ticks_left = c->max_classify_ticks;
    s->phase = PHASE_CLASSIFYING;
    return 0;
}

/** The neuromodulator after a taught presentation (raw): see Java's SpikingClassifier.modulator. */
static int32_t modulator(const ap_classifier *c)
{
    const ap_classifier_state *s = c->state;
    int recruited = s->learning_winner >= 0 && s->learning_winner != s->predicting_winner;
    if (!c->outcome_gated || s->significance_q15 == 0) {
        return s->significance_q15;
    }
    if (recruited) {
        return c->consolidates && s->significance_q15 > AP_ONE_Q15 ? s->significance_q15 : AP_ONE_Q15;
    }
    if (s->answered_right) {
        return c->consolidates ? s->significance_q15 : c->refine_modulator;
    }
    return 0;
}

static void deliver_modulator(const ap_classifier *c, int32_t raw)
{
    ap_spikes_clear(population(c, c->input)->state->spikes, population(c, c->input)->size);
    ap_network_set_modulator(c->network, raw);
    ap_network_step(c->network);
    ap_network_set_modulator(c->network, 0);
    ap_population_set_excitability_gain(population(c, c->features), AP_ONE_Q15);
}

static void tick_predicting(const ap_classifier *c)
{
    ap_classifier_state *s = c->state;
    step_encoded(c);
    s->predicting_winner = first_winner(c, s->predicting_winner);
    if (--s->ticks_left == 0) {
        s->answer = ap_decoder_total(c->decoder) > 0 ? ap_decoder_decide(c->decoder) : -1;
        s->answered_right = s->answer == s->label;
        ap_network_set_learning(c->network, s->learning_before);
        begin_taught(c);
    }
}

static void tick_learning(const ap_classifier *c)
{
    ap_classifier_state *s = c->state;
    step_encoded(c);
    if (s->learning_winner < 0 && c->outcome_gated) {
        s->learning_winner = first_winner(c, s->learning_winner);
        if (s->learning_winner >= 0) {
            /* once a feature neuron has won, no second fresh neuron may imprint the same sample */
            ap_population_set_excitability_gain(population(c, c->features), 0);
        }
    }
    if (--s->ticks_left == 0) {
        s->phase = PHASE_MODULATING;
    }
}

/** Returns 1 when the classifying presentation has finished. */
static int tick_classifying(const ap_classifier *c)
{
    ap_classifier_state *s = c->state;
    step_encoded(c);
    if (--s->ticks_left == 0 || ap_decoder_total(c->decoder) > 0) {
        ap_network_set_learning(c->network, s->learning_before);
        s->phase = PHASE_IDLE;
        return 1;
    }
    return 0;
}

int ap_classifier_tick(const ap_classifier *c)
{
    switch (c->state->phase) {
    case PHASE_PREDICTING:
        tick_predicting(c);
        return 0;
    case PHASE_LEARNING:
        tick_learning(c);
        return 0;
    case PHASE_MODULATING:
        deliver_modulator(c, modulator(c));
        c->state->phase = PHASE_IDLE;
        return 1;
    case PHASE_CLASSIFYING:
        return tick_classifying(c);
    default:
        return 1;
    }
}

int ap_classifier_presenting(const ap_classifier *c)
{
    return c->state->phase != PHASE_IDLE;
}

static void finish(const ap_classifier *c)
{
    while (!ap_classifier_tick(c)) {
    }
}

int ap_classifier_learn(const ap_classifier *c, const int32_t *intensities, int32_t label, int32_t significance_q15)
{
    if (ap_classifier_begin_learning(c, intensities, label, significance_q15) != 0) {
        return -1;
    }
    finish(c);
    return 0;
}

int32_t ap_classifier_classify(const ap_classifier *c, const int32_t *intensities)
{
    if (ap_classifier_begin_classifying(c, intensities) != 0) {
        return -1;
    }
    finish(c);
    return ap_classifier_decision(c);
}

int32_t ap_classifier_answer(const ap_classifier *c)
{
    return c->state->answer;
}

int32_t ap_classifier_decision(const ap_classifier *c)
{
    return ap_decoder_decide(c->decoder);
}
