package dev.aplysia.hal.pwm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PwmOutput} does; each implementation's test extends this. */
public abstract class PwmOutputContract {

    private PwmOutput pwm;

    /** A fresh output at duty 0, with a {@code maxDuty} of at least 4. */
    protected abstract PwmOutput createPwm() throws Exception;

    /** The duty, in counts, the signal behind the output created last actually has. */
    protected abstract int observedDuty() throws Exception;

    @BeforeEach
    void openPwm() throws Exception {
        pwm = createPwm();
    }

    @Test
    void maxDutyIsPositive() {
        assertTrue(pwm.maxDuty() >= 1);
    }

    @Test
    void setDutyReachesTheSignal() throws Exception {
        pwm.setDuty(3);
        assertEquals(3, observedDuty());
    }

    @Test
    void dutyCanReturnToZero() throws Exception {
        pwm.setDuty(3);
        pwm.setDuty(0);
        assertEquals(0, observedDuty());
    }

    @Test
    void fullyOnIsMaxDutyAndFullyOffIsZero() throws Exception {
        pwm.setDutyFullyOn();
        assertEquals(pwm.maxDuty(), observedDuty());
        pwm.setDutyFullyOff();
        assertEquals(0, observedDuty());
    }

    @Test
    void percentIsAShareOfMaxDutyRoundedDown() throws Exception {
        pwm.setDutyPercent(50);
        assertEquals(pwm.maxDuty() / 2, observedDuty());
    }

    @Test
    void fractionIsAShareOfMaxDutyRoundedDown() throws Exception {
        pwm.setDutyFraction(1, 4);
        assertEquals(pwm.maxDuty() / 4, observedDuty());
    }

    @Test
    void dutyAboveMaxIsRejectedAndLeavesTheDutyAlone() throws Exception {
        pwm.setDuty(2);
        HalException e = assertThrows(HalException.class, () -> pwm.setDuty(pwm.maxDuty() + 1));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals(2, observedDuty());
    }

    @Test
    void negativeDutyIsRejected() {
        HalException e = assertThrows(HalException.class, () -> pwm.setDuty(-1));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void percentAboveHundredIsRejected() {
        HalException e = assertThrows(HalException.class, () -> pwm.setDutyPercent(101));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }
}
