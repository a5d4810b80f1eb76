package dev.aplysia.hal.time;

class SystemClockTest extends ClockContract {

    @Override
    protected Clock createClock() {
        return SystemClock.INSTANCE;
    }

    @Override
    protected Pacer pacer() {
        return SystemClock.INSTANCE;
    }
}
