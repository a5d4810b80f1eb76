/*
 * The board port: what the C firmware gets from the hardware, the C mirror of the Java `hal` module.
 *
 * A port supplies these functions for one board; everything above them is portable C99. The capabilities are those
 * of `dev.aplysia.hal.Board`: a monotonic clock, analog inputs, digital inputs and outputs, PWM outputs, one storage
 * slot for snapshots and a console line out. Integers at the boundary: raw converter counts with their full-scale
 * count, duty counts with their full-scale duty. Channels are small numbers fixed by the port's configuration (a
 * network's generated tables map the Java board's channel names onto them), never discovered at run time.
 *
 * As with embedded-hal, every operation that can fail returns a board_status, and the kinds are those of
 * `dev.aplysia.hal.ErrorKind`, so that generic code can act on them: retry (IO, TIMEOUT, BUSY), fix the caller
 * (INVALID_CHANNEL, INVALID_ARGUMENT, INVALID_CONFIG) or recover stored state (NOT_FOUND, STORAGE_FULL, CORRUPT).
 * Out-parameters are written only when the call returns BOARD_OK. No function allocates; all are called from the one
 * thread (or main loop) that runs the firmware's ticks.
 */
#ifndef APLYSIA_BOARD_H
#define APLYSIA_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/** What went wrong; the same kinds, in the same order, as the Java `ErrorKind`, with BOARD_OK before them. */
typedef enum board_status {
    BOARD_OK = 0,
    /** The bus or device failed to carry out the operation: a transfer failed, a line could not be driven. */
    BOARD_ERR_IO,
    /** The operation did not finish within its deadline. */
    BOARD_ERR_TIMEOUT,
    /** The resource is held by someone else; a later retry may succeed. */
    BOARD_ERR_BUSY,
    /** The port has no channel of the requested kind with that number. */
    BOARD_ERR_INVALID_CHANNEL,
    /** An argument lies outside its documented range. */
    BOARD_ERR_INVALID_ARGUMENT,
    /** The port's configuration asks for something the board cannot provide. */
    BOARD_ERR_INVALID_CONFIG,
    /** The storage slot holds no blob. */
    BOARD_ERR_NOT_FOUND,
    /** The blob does not fit: in the slot on a write, in the caller's buffer on a read. */
    BOARD_ERR_STORAGE_FULL,
    /** Stored data failed validation. */
    BOARD_ERR_CORRUPT,
    /** Anything else. */
    BOARD_ERR_OTHER
} board_status;

/**
 * Brings the board up: clocks, timers, converters, the console. Firmware calls it once, before any other function
 * here; calling anything else first is undefined.
 */
board_status board_init(void);

/* ---- clock ---------------------------------------------------------------------------------------------------- */

/**
 * Microseconds since an arbitrary origin (at most board_init); never decreases and does not wrap in 2^64 us. Reading
 * never fails. The only time source firmware reads, as `hal.time.Clock` is in Java.
 */
uint64_t board_clock_us(void);

/* ---- analog inputs -------------------------------------------------------------------------------------------- */

/**
 * One conversion of analog channel `channel`: 0..board_analog_max(channel) raw counts into *counts.
 * Fails with BOARD_ERR_INVALID_CHANNEL for an unknown channel, BOARD_ERR_IO when the conversion fails.
 */
board_status board_analog_read(uint8_t channel, uint16_t *counts);

/** The full-scale count of analog channel `channel` (for example 4095 for a 12-bit converter), at least 1; 0 for an
 *  unknown channel. */
uint16_t board_analog_max(uint8_t channel);

/* ---- digital inputs and outputs ------------------------------------------------------------------------------- */

/**
 * Whether digital input `channel` is high now, into *high. Levels are electrical: with a pull-up and a button to
 * ground, a press reads low. Fails with BOARD_ERR_INVALID_CHANNEL or BOARD_ERR_IO.
 */
board_status board_digital_read(uint8_t channel, bool *high);

/**
 * The low-to-high and high-to-low transitions of digital input `channel` since the previous call (since board_init,
 * on the first), each saturating at UINT32_MAX, into *rising and *falling; resets both counts to 0. The port counts
 * edges as they happen, so pulses shorter than a tick are not lost. Fails with BOARD_ERR_INVALID_CHANNEL or
 * BOARD_ERR_IO.
 */
board_status board_digital_poll_edges(uint8_t channel, uint32_t *rising, uint32_t *falling);

/**
 * Drives digital output `channel` high when `high`, low otherwise. Fails with BOARD_ERR_INVALID_CHANNEL or
 * BOARD_ERR_IO (the line keeps its previous level).
 */
board_status board_digital_write(uint8_t channel, bool high);

/* ---- PWM outputs ---------------------------------------------------------------------------------------------- */

/** The duty count of PWM channel `channel` meaning "always high", at least 1; 0 for an unknown channel. The
 *  frequency is fixed by the port's configuration. */
uint16_t board_pwm_max_duty(uint8_t channel);

/**
 * Sets the duty of PWM channel `channel` to `counts`, 0 (always low) to board_pwm_max_duty(channel) (always high).
 * Fails with BOARD_ERR_INVALID_CHANNEL, or BOARD_ERR_INVALID_ARGUMENT when `counts` is out of range (the duty is
 * unchanged).
 */
board_status board_pwm_write(uint8_t channel, uint16_t counts);

/* ---- storage -------------------------------------------------------------------------------------------------- */

/** The most bytes the storage slot can hold. */
uint32_t board_storage_capacity(void);

/**
 * Replaces the slot's blob with the `size` bytes at `data`. On BOARD_OK the blob has reached persistent storage.
 * Fails with BOARD_ERR_STORAGE_FULL when `size` exceeds board_storage_capacity() (the slot is unchanged) or
 * BOARD_ERR_IO. Power-cut semantics, the weakest a port may offer: a write cut short leaves either the old blob or
 * the new one, never a mix (ports with a single flash sector keep two and switch a marker last).
 */
board_status board_storage_write(const uint8_t *data, uint32_t size);

/**
 * Reads the slot's whole blob into `buffer` (room for `capacity` bytes) and its length into *size. Fails with
 * BOARD_ERR_NOT_FOUND when the slot is empty, BOARD_ERR_STORAGE_FULL when the blob is longer than `capacity` (the
 * buffer's contents are then unspecified), BOARD_ERR_IO. The blob's own checksum is the codec's business, not the
 * port's.
 */
board_status board_storage_read(uint8_t *buffer, uint32_t capacity, uint32_t *size);

/* ---- console -------------------------------------------------------------------------------------------------- */

/**
 * Writes `line` (NUL-terminated, without its line ending) and a line ending to the board's console: a serial port,
 * semihosting or standard output. Fails with BOARD_ERR_IO.
 */
board_status board_console_line(const char *line);

#endif
