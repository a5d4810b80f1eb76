/*
 * The firmware loop, the C twin of Java's dev.aplysia.device.firmware.Firmware: a classifier bound to a board's
 * channels (board.h) and run one tick per ap_firmware_tick call.
 *
 * A sample period of ticks_per_sample ticks starts by saving a snapshot if one is due, then sensing: every sensor
 * through the sensor transform, the teaching inputs (the first one high names the class) and the significance
 * button (pressed since the last period, or held); and starting a classification. The classification is advanced
 * one network tick per firmware tick; when it finishes, the motors and LEDs are driven for the decided class, and
 * then, with a teaching input high and learning on, the sample is learned, again one network tick per firmware tick.
 * Board failures are counted, never fatal (Java's FirmwareCounters.halErrors).
 *
 * Not here, unlike Java: telemetry, commands, halting to safe outputs, the tick deadline (the caller paces the ticks)
 * and the scenario modulator. Integer only; no allocation: the tables generated for a robot
 * (dev.aplysia.device.export.CRobotProject) provide every array.
 */
#ifndef APLYSIA_FIRMWARE_H
#define APLYSIA_FIRMWARE_H

#include <stdint.h>

#include "aplysia.h"

/** Sensor counts as encoder intensities: Java's SensorTransform. */
#define AP_SENSOR_LINEAR 0u
/** max * 64 / max(counts, 1): nearness from a distance sensor. */
#define AP_SENSOR_NEARNESS 1u

/** No significance button wired. */
#define AP_FIRMWARE_NO_BUTTON (-1)

/** The most checkpoint intervals the firmware waits after failed saves: Java's CheckpointSchedule. */
#define AP_FIRMWARE_MAX_BACKOFF_INTERVALS 8

/** What the firmware counts (Java's FirmwareCounters, those the C loop has). */
typedef struct {
    uint64_t ticks;
    uint32_t samples;
    uint32_t decisions;
    uint32_t learned;
    uint32_t significant;
    uint32_t board_errors;
    uint32_t checkpoints;
    uint32_t checkpoint_failures;
} ap_firmware_counters;

/** The loop's state between ticks. */
typedef struct {
    ap_firmware_counters counters;
    int32_t tick_in_sample;
    int32_t taught;          /* the class a teaching input named this period, -1: none */
    int32_t modulator_q15;   /* the significance of this period's sample */
    int32_t decided;         /* the class last driven, -1: none yet */
    uint8_t classifying;
    uint8_t learning;
    uint64_t last_attempt_tick;
    int32_t backoff_intervals;
    int32_t failures_in_a_row;
} ap_firmware_state;

/** A firmware: its classifier, its channels and constants (generated), and its state. */
typedef struct {
    const ap_classifier *classifier;
    const ap_snapshot_layout *layout;
    int32_t sensors;
    const uint8_t *sensor_channels;     /* analog inputs, in encoder order */
    uint8_t transform;                  /* AP_SENSOR_LINEAR or AP_SENSOR_NEARNESS */
    int32_t teachers;                   /* 0 or one per class */
    const uint8_t *teacher_channels;    /* digital inputs, by class */
    int32_t significance_channel;       /* digital input, or AP_FIRMWARE_NO_BUTTON */
    int32_t significance_gain_q15;      /* the modulator of a significant sample */
    int32_t motors;
    const uint8_t *motor_channels;      /* PWM outputs */
    const uint16_t *duty_permille;      /* [class * motors + motor], 0..1000 */
    int32_t leds;                       /* 0 or one per class */
    const uint8_t *led_channels;        /* digital outputs, by class */
    int32_t ticks_per_sample;
    uint32_t checkpoint_ticks;          /* 0: no checkpoints */
    uint8_t *snapshot;                  /* room for one snapshot of the network */
    uint32_t snapshot_capacity;
    int32_t *intensities;               /* one per sensor */
    ap_firmware_state *state;
} ap_firmware;

/** Puts the classifier in its freshly built state and the loop at the start of a sample period, learning on. */
void ap_firmware_init(const ap_firmware *firmware);
/** Runs one tick; returns 1 if the core did work this tick, 0 if it idled until the next sample period. */
int ap_firmware_tick(const ap_firmware *firmware);
/** Turns learning on (1) or off (0); the teaching inputs are still read, nothing is learned while off. */
void ap_firmware_set_learning(const ap_firmware *firmware, uint8_t on);
/** Saves a snapshot now, between presentations, into the board's storage slot; counted either way. */
void ap_firmware_checkpoint(const ap_firmware *firmware);
/** The class the outputs were last driven for, -1 before the first decision. */
int32_t ap_firmware_decided(const ap_firmware *firmware);
/** The firmware's counters. */
const ap_firmware_counters *ap_firmware_counters_of(const ap_firmware *firmware);

#endif
