package dev.aplysia.hal.world;

import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;
import dev.aplysia.hal.gpio.DigitalOutput;
import dev.aplysia.hal.pwm.PwmOutput;
import dev.aplysia.hal.sim.SimAnalogInput;
import dev.aplysia.hal.sim.SimBoard;
import dev.aplysia.hal.sim.SimDigitalInput;
import dev.aplysia.hal.sim.SimDigitalOutput;
import dev.aplysia.hal.sim.SimPwmOutput;
import dev.aplysia.hal.world.RobotSpec.Encoder;
import dev.aplysia.hal.world.RobotSpec.LightSensor;
import dev.aplysia.hal.world.RobotSpec.Motor;
import dev.aplysia.hal.world.RobotSpec.Sonar;
import dev.aplysia.hal.world.RobotSpec.Wheel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The robot's channels on the board: the simulated channels the world drives and reads, and the board-facing
 * wrappers that bring the world up to the clock before the firmware touches them. Built once; every channel the
 * robot names that the board lacks is reported, each with the robot file's line.
 */
final class WorldWiring {

    /** A board lookup by name. */
    @FunctionalInterface
    private interface Lookup<T> {
        T get(String name) throws HalException;
    }

    private final RobotSpec robot;
    private final Runnable catchUp;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, DigitalInput> digitalInputs = new HashMap<>();
    private final Map<String, DigitalOutput> digitalOutputs = new HashMap<>();
    private final Map<String, PwmOutput> pwmOutputs = new HashMap<>();
    private final Map<String, AnalogInput> analogInputs = new HashMap<>();
    private final List<SimDigitalInput> bumps = new ArrayList<>();
    private final List<WheelEncoder> encoders = new ArrayList<>();
    private final DriveMotor left;
    private final DriveMotor right;

    WorldWiring(SimBoard board, RobotSpec robot, long seed, Runnable catchUp, ToIntFunction<RangeFinder> sonars,
                ToIntFunction<LightMeter> lights) throws HalException {
        this.robot = robot;
        this.catchUp = catchUp;
        left = motor(board, robot.left(), "left");
        right = motor(board, robot.right(), "right");
        wireSonars(board, new SplittableRandom(seed), sonars);
        wireLightSensors(board, lights);
        robot.bumps().forEach(bump -> wireBump(board, bump.name(), bump.line()));
        robot.encoders().forEach(encoder -> wireEncoder(board, encoder));
        if (!errors.isEmpty()) {
            throw new HalException(ErrorKind.INVALID_CONFIG, String.join(System.lineSeparator(), errors));
        }
    }

    private DriveMotor motor(SimBoard board, Motor motor, String side) {
        String role = side + " motor";
        SimPwmOutput pwm = resolve(board::pwmOutput, motor.pwm(), motor.line(), role);
        SimDigitalOutput reverse = motor.reversible()
                ? resolve(board::digitalOutput, motor.reverse(), motor.line(), role + " reverse line") : null;
        if (pwm != null) {
            pwmOutputs.put(motor.pwm(), new MotorPwmOutput(catchUp, pwm));
        }
        if (reverse != null) {
            digitalOutputs.put(motor.reverse(), new MotorDirectionOutput(catchUp, reverse));
        }
        return pwm == null ? null : new DriveMotor(pwm, reverse, robot.body().maxSpeed());
    }

    private void wireSonars(SimBoard board, SplittableRandom random, ToIntFunction<RangeFinder> reading) {
        for (Sonar sonar : robot.sonars()) {
            SplittableRandom own = random.split();
            SimAnalogInput channel = resolve(board::analogInput, sonar.name(), sonar.line(), "sonar");
            if (channel != null) {
                RangeFinder finder = new RangeFinder(sonar, channel.maxValue(), own);
                analogInputs.put(sonar.name(),
                        new SensedAnalogInput(catchUp, channel, () -> reading.applyAsInt(finder)));
            }
        }
    }

    private void wireLightSensors(SimBoard board, ToIntFunction<LightMeter> reading) {
        for (LightSensor sensor : robot.lightSensors()) {
            SimAnalogInput channel = resolve(board::analogInput, sensor.name(), sensor.line(), "light sensor");
            if (channel != null) {
                LightMeter meter = new LightMeter(sensor, channel.maxValue());
                analogInputs.put(sensor.name(),
                        new SensedAnalogInput(catchUp, channel, () -> reading.applyAsInt(meter)));
            }
        }
    }

    private void wireBump(SimBoard board, String name, int line) {
        SimDigitalInput channel = resolve(board::digitalInput, name, line, "bump");
        if (channel != null) {
            bumps.add(channel);
            digitalInputs.put(name, new SensedDigitalInput(catchUp, channel));
        }
    }

    private void wireEncoder(SimBoard board, Encoder encoder) {
        SimDigitalInput channel = resolve(board::digitalInput, encoder.name(), encoder.line(), "encoder");
        if (channel != null) {
            encoders.add(new WheelEncoder(channel, encoder.pitchMm(), encoder.wheel() == Wheel.LEFT));
            digitalInputs.put(encoder.name(), new SensedDigitalInput(catchUp, channel));
        }
    }

    private <T> T resolve(Lookup<T> lookup, String name, int line, String role) {
        try {
            return lookup.get(name);
        } catch (HalException e) {
            errors.add(robot.where(line) + " " + role + " '" + name + "' is not on the board: " + e.getMessage());
            return null;
        }
    }

    DriveMotor left() {
        return left;
    }

    DriveMotor right() {
        return right;
    }

    List<SimDigitalInput> bumps() {
        return bumps;
    }

    List<WheelEncoder> encoders() {
        return encoders;
    }

    Map<String, DigitalInput> digitalInputs() {
        return digitalInputs;
    }

    Map<String, DigitalOutput> digitalOutputs() {
        return digitalOutputs;
    }

    Map<String, PwmOutput> pwmOutputs() {
        return pwmOutputs;
    }

    Map<String, AnalogInput> analogInputs() {
        return analogInputs;
    }
}
