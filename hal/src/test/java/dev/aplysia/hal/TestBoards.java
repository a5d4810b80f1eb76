package dev.aplysia.hal;

/** The board config the HAL's tests share: one channel of each kind, plus a second analog input. */
public final class TestBoards {

    /** Config text, as a board config file would hold it. */
    public static final String CONFIG = """
            # the test bench
            digital-in   button  pin=17 pull=up debounce=5ms
            digital-out  led     pin=27
            pwm          motor   pin=18 chip=0 channel=2 frequency=1000 maxduty=1000
            adc          adc0    type=mcp3008 spi=0 cs=0
            analog       sonar0  adc=adc0 channel=0
            analog       sonar1  adc=adc0 channel=5
            """;

    private TestBoards() {
    }

    /** {@link #CONFIG}, parsed. */
    public static BoardConfig config() {
        try {
            return BoardConfig.parse("bench.conf", CONFIG);
        } catch (HalException e) {
            throw new AssertionError(e);
        }
    }
}
