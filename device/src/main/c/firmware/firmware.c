/* The firmware loop: see firmware.h. Each step names the Java Firmware method it mirrors. */
#include "firmware.h"

#include "board.h"

void ap_firmware_init(const ap_firmware *f)
{
    ap_firmware_state *s = f->state;
    ap_firmware_counters none = {0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u};
    ap_classifier_init(f->classifier);
    s->counters = none;
    s->tick_in_sample = 0;
    s->taught = -1;
    s->modulator_q15 = 0;
    s->decided = -1;
    s->classifying = 0u;
    s->learning = 1u;
    s->last_attempt_tick = 0u;
    s->backoff_intervals = 1;
    s->failures_in_a_row = 0;
}

void ap_firmware_set_learning(const ap_firmware *f, uint8_t on)
{
    f->state->learning = on != 0u;
}

int32_t ap_firmware_decided(const ap_firmware *f)
{
    return f->state->decided;
}

const ap_firmware_counters *ap_firmware_counters_of(const ap_firmware *f)
{
    return &f->state->counters;
}

/* ---- checkpoints: Java's Firmware.checkpoint and CheckpointSchedule ---- */

static int checkpoint_due(const ap_firmware *f)
{
    const ap_firmware_state *s = f->state;
    return f->checkpoint_ticks > 0u && s->counters.ticks - s->last_attempt_tick
            >= (uint64_t)f->checkpoint_ticks * (uint64_t)s->backoff_intervals;
}

static void checkpoint_failed(ap_firmware_state *s)
{
    s->counters.checkpoint_failures++;
    s->failures_in_a_row++;
    s->backoff_intervals = s->failures_in_a_row == 1 ? 1
            : (2 * s->backoff_intervals < AP_FIRMWARE_MAX_BACKOFF_INTERVALS ? 2 * s->backoff_intervals
                    : AP_FIRMWARE_MAX_BACKOFF_INTERVALS);
}

void ap_firmware_checkpoint(const ap_firmware *f)
{
    ap_firmware_state *s = f->state;
    uint32_t size = ap_snapshot_size(f->layout);
    s->last_attempt_tick = s->counters.ticks;
    if (ap_snapshot_encode(f->classifier->network, f->layout, f->snapshot, f->snapshot_capacity) != AP_SNAPSHOT_OK
            || board_storage_write(f->snapshot, size) != BOARD_OK) {
        checkpoint_failed(s);
        return;
    }
    s->counters.checkpoints++;
    s->backoff_intervals = 1;
    s->failures_in_a_row = 0;
}

/* ---- sensing: Java's Firmware.sense, readTeacher, readSignificance ---- */

static int32_t intensity(uint8_t transform, uint16_t counts, uint16_t max)
{
    if (transform == AP_SENSOR_LINEAR) {
        return counts;
    }
    return (int32_t)((uint32_t)max * 64u / (counts > 0u ? counts : 1u));
}

static board_status read_sensors(const ap_firmware *f)
{
    int32_t i;
    for (i = 0; i < f->sensors; i++) {
        uint16_t counts;
        board_status status = board_analog_read(f->sensor_channels[i], &counts);
        if (status != BOARD_OK) {
            return status;
        }
        f->intensities[i] = intensity(f->transform, counts, board_analog_max(f->sensor_channels[i]));
    }
    return BOARD_OK;
}

static board_status read_teacher(const ap_firmware *f, int32_t *label)
{
    int32_t k;
    *label = -1;
    for (k = 0; k < f->teachers; k++) {
        bool high;
        board_status status = board_digital_read(f->teacher_channels[k], &high);
        if (status != BOARD_OK) {
            return status;
        }
        if (high && *label < 0) {
            *label = k;
        }
    }
    return BOARD_OK;
}

/** The button counts as pressed when it rose since the last period or is held now. */
static board_status read_significance(const ap_firmware *f, int32_t *modulator_q15)
{
    uint8_t channel = (uint8_t)f->significance_channel;
    uint32_t rising;
    uint32_t falling;
    bool high = false;
    board_status status;
    *modulator_q15 = AP_ONE_Q15;
    if (f->significance_channel == AP_FIRMWARE_NO_BUTTON) {
        return BOARD_OK;
    }
    status = board_digital_poll_edges(channel, &rising, &falling);
    if (status == BOARD_OK && rising == 0u) {
        status = board_digital_read(channel, &high);
    }
    if (status == BOARD_OK && (rising > 0u || high)) {
        *modulator_q15 = f->significance_gain_q15;
    }
    return status;
}

static void sense(const ap_firmware *f)
{
    ap_firmware_state *s = f->state;
    board_status status;
    s->counters.samples++;
    status = read_sensors(f);
    if (status == BOARD_OK) {
        status = read_teacher(f, &s->taught);
    }
    if (status == BOARD_OK) {
        status = read_significance(f, &s->modulator_q15);
    }
    if (status != BOARD_OK) {
        s->counters.board_errors++;
        return;
    }
    ap_classifier_begin_classifying(f->classifier, f->intensities);
    s->classifying = 1u;
}

/* ---- acting and learning: Java's Firmware.advancePresentation, actuate and SafeOutputs.drive ---- */

/** Drives the motors, then the LEDs, for the decided class, stopping at the first failing write. */
static board_status drive(const ap_firmware *f, int32_t decided)
{
    int32_t m;
    int32_t k;
    for (m = 0; m < f->motors; m++) {
        uint8_t channel = f->motor_channels[m];
        uint32_t permille = f->duty_permille[decided * f->motors + m];
        board_status status = board_pwm_write(channel, (uint16_t)(permille * board_pwm_max_duty(channel) / 1000u));
        if (status != BOARD_OK) {
            return status;
        }
    }
    for (k = 0; k < f->leds; k++) {
        board_status status = board_digital_write(f->led_channels[k], k == decided);
        if (status != BOARD_OK) {
            return status;
        }
    }
    return BOARD_OK;
}

static void actuate(const ap_firmware *f, int32_t decided)
{
    ap_firmware_state *s = f->state;
    if (drive(f, decided) != BOARD_OK) {
        s->counters.board_errors++;
    }
    s->decided = decided;
    s->counters.decisions++;
}

static void finished(const ap_firmware *f)
{
    ap_firmware_state *s = f->state;
    if (s->classifying) {
        s->classifying = 0u;
        actuate(f, ap_classifier_decision(f->classifier));
        if (s->taught >= 0 && s->learning && s->modulator_q15 > 0) {
            ap_classifier_begin_learning(f->classifier, f->intensities, s->taught, s->modulator_q15);
        }
    } else {
        s->counters.learned++;
        if (s->modulator_q15 > AP_ONE_Q15) {
            s->counters.significant++;
        }
    }
}

static int advance_presentation(const ap_firmware *f)
{
    if (!ap_classifier_presenting(f->classifier)) {
        return 0;
    }
    if (ap_classifier_tick(f->classifier)) {
        finished(f);
    }
    return 1;
}

int ap_firmware_tick(const ap_firmware *f)
{
    ap_firmware_state *s = f->state;
    int work;
    s->counters.ticks++;
    if (s->tick_in_sample == 0) {
        if (checkpoint_due(f)) {
            ap_firmware_checkpoint(f);
        }
        sense(f);
    }
    work = advance_presentation(f);
    s->tick_in_sample = (s->tick_in_sample + 1) % f->ticks_per_sample;
    return work;
}
