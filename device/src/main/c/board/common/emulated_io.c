/* Analog, digital and PWM channels held in memory: see emulated_io.h. */
#include "emulated_io.h"

#ifndef EMULATED_ANALOG_CHANNELS
#define EMULATED_ANALOG_CHANNELS 8
#endif
#ifndef EMULATED_DIGITAL_INPUTS
#define EMULATED_DIGITAL_INPUTS 8
#endif
#ifndef EMULATED_DIGITAL_OUTPUTS
#define EMULATED_DIGITAL_OUTPUTS 8
#endif
#ifndef EMULATED_PWM_CHANNELS
#define EMULATED_PWM_CHANNELS 8
#endif
#ifndef EMULATED_ANALOG_MAX
#define EMULATED_ANALOG_MAX 4095
#endif
#ifndef EMULATED_PWM_MAX
#define EMULATED_PWM_MAX 1000
#endif

/** A digital input's level and the edges counted since the last poll. */
typedef struct digital_input {
    bool high;
    uint32_t rising;
    uint32_t falling;
} digital_input;

static uint16_t analog[EMULATED_ANALOG_CHANNELS];
static digital_input inputs[EMULATED_DIGITAL_INPUTS];
static bool outputs[EMULATED_DIGITAL_OUTPUTS];
static uint16_t duties[EMULATED_PWM_CHANNELS];

static uint32_t saturating_increment(uint32_t count) {
    return count == UINT32_MAX ? count : count + 1u;
}

board_status emulated_set_analog(uint8_t channel, uint16_t counts) {
    if (channel >= EMULATED_ANALOG_CHANNELS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    if (counts > EMULATED_ANALOG_MAX) {
        return BOARD_ERR_INVALID_ARGUMENT;
    }
    analog[channel] = counts;
    return BOARD_OK;
}

board_status emulated_set_digital(uint8_t channel, bool high) {
    if (channel >= EMULATED_DIGITAL_INPUTS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    digital_input *input = &inputs[channel];
    if (high && !input->high) {
        input->rising = saturating_increment(input->rising);
    } else if (!high && input->high) {
        input->falling = saturating_increment(input->falling);
    }
    input->high = high;
    return BOARD_OK;
}

board_status emulated_digital_output(uint8_t channel, bool *high) {
    if (channel >= EMULATED_DIGITAL_OUTPUTS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    *high = outputs[channel];
    return BOARD_OK;
}

board_status emulated_pwm_duty(uint8_t channel, uint16_t *counts) {
    if (channel >= EMULATED_PWM_CHANNELS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    *counts = duties[channel];
    return BOARD_OK;
}

board_status board_analog_read(uint8_t channel, uint16_t *counts) {
    if (channel >= EMULATED_ANALOG_CHANNELS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    *counts = analog[channel];
    return BOARD_OK;
}

uint16_t board_analog_max(uint8_t channel) {
    return channel < EMULATED_ANALOG_CHANNELS ? EMULATED_ANALOG_MAX : 0u;
}

board_status board_digital_read(uint8_t channel, bool *high) {
    if (channel >= EMULATED_DIGITAL_INPUTS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    *high = inputs[channel].high;
    return BOARD_OK;
}

board_status board_digital_poll_edges(uint8_t channel, uint32_t *rising, uint32_t *falling) {
    if (channel >= EMULATED_DIGITAL_INPUTS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    digital_input *input = &inputs[channel];
    *rising = input->rising;
    *falling = input->falling;
    input->rising = 0u;
    input->falling = 0u;
    return BOARD_OK;
}

board_status board_digital_write(uint8_t channel, bool high) {
    if (channel >= EMULATED_DIGITAL_OUTPUTS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    outputs[channel] = high;
    return BOARD_OK;
}

uint16_t board_pwm_max_duty(uint8_t channel) {
    return channel < EMULATED_PWM_CHANNELS ? EMULATED_PWM_MAX : 0u;
}

board_status board_pwm_write(uint8_t channel, uint16_t counts) {
    if (channel >= EMULATED_PWM_CHANNELS) {
        return BOARD_ERR_INVALID_CHANNEL;
    }
    if (counts > EMULATED_PWM_MAX) {
        return BOARD_ERR_INVALID_ARGUMENT;
    }
    duties[channel] = counts;
    return BOARD_OK;
}
