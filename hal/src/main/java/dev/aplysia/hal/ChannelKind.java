package dev.aplysia.hal;

/** The kinds of named channel a {@link Board} offers, with the keyword that declares each in a {@link BoardConfig}. */
public enum ChannelKind {
    /** A {@link dev.aplysia.hal.gpio.DigitalInput}. */
    DIGITAL_INPUT("digital-in", "digital input"),
    /** A {@link dev.aplysia.hal.gpio.DigitalOutput}. */
    DIGITAL_OUTPUT("digital-out", "digital output"),
    /** A {@link dev.aplysia.hal.pwm.PwmOutput}. */
    PWM_OUTPUT("pwm", "PWM output"),
    /** An {@link dev.aplysia.hal.analog.AnalogInput}. */
    ANALOG_INPUT("analog", "analog input");

    private final String keyword;
    private final String description;

    ChannelKind(String keyword, String description) {
        this.keyword = keyword;
        this.description = description;
    }

    /** The word that declares a channel of this kind in a board config file, e.g. {@code digital-in}. */
    public String keyword() {
        return keyword;
    }

    /** A human name for messages, e.g. {@code digital input}. */
    public String description() {
        return description;
    }
}
