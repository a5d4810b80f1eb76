/*
 * Emulated I/O for ports without real peripherals (the host, an emulator): analog inputs, digital inputs and outputs
 * and PWM outputs held in memory, with the board.h functions on top. A test or a scripted run drives the inputs and
 * reads back the outputs through the functions here, as the Java simulated board's drivable inputs and recorded
 * outputs do.
 *
 * Sizes are set at compile time: EMULATED_ANALOG_CHANNELS, EMULATED_DIGITAL_INPUTS, EMULATED_DIGITAL_OUTPUTS and
 * EMULATED_PWM_CHANNELS (8 each by default), EMULATED_ANALOG_MAX (4095, a 12-bit converter) and EMULATED_PWM_MAX
 * (1000). Every input starts at 0 (low), every output at 0 (low, duty 0).
 */
#ifndef APLYSIA_EMULATED_IO_H
#define APLYSIA_EMULATED_IO_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"

/** Sets what analog channel `channel` converts to, 0..EMULATED_ANALOG_MAX. */
board_status emulated_set_analog(uint8_t channel, uint16_t counts);

/** Sets the level of digital input `channel`, counting the edge if the level changes. */
board_status emulated_set_digital(uint8_t channel, bool high);

/** The level digital output `channel` was last driven to, into *high. */
board_status emulated_digital_output(uint8_t channel, bool *high);

/** The duty PWM channel `channel` was last set to, into *counts. */
board_status emulated_pwm_duty(uint8_t channel, uint16_t *counts);

#endif
