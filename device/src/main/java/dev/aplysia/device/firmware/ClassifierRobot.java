package dev.aplysia.device.firmware;

import dev.aplysia.device.core.Network;
import dev.aplysia.device.learner.SpikingClassifier;
import dev.aplysia.hal.Board;
import dev.aplysia.hal.HalException;
import dev.aplysia.hal.analog.AnalogInput;
import dev.aplysia.hal.gpio.DigitalInput;

/**
 * The classifier robot as a {@link FirmwareApp}: a {@link SpikingClassifier} taught by a demonstrator. Sense reads
 * every distance sensor, the teaching inputs and the significance button, and starts a classification with learning
 * frozen; when it ends, the loop drives the decided command; learn then presents the sample again with the teacher
 * if a teaching input named the true command and learning is on, and delivers the neuromodulator (1, or
 * {@code significanceGain} when the button was pressed). The C firmware (device/src/main/c/firmware) is its twin,
 * tick for tick.
 */
final class ClassifierRobot implements FirmwareApp {

    private final FirmwareConfig config;
    private final SpikingClassifier classifier;
    private final AnalogInput[] sensors;
    private final DigitalInput[] teachers;
    private final DigitalInput significanceButton;
    private final int[] intensities;
    private double pendingModulator;
    private boolean modulatorPending;
    private int taught = -1;
    private double modulator;
    private boolean classifying;

    /**
     * Binds the classifier to {@code board}'s channels, looked up now.
     *
     * @throws HalException naming a channel the board does not have
     */
    ClassifierRobot(FirmwareConfig config, Board board) throws HalException {
        this.config = config;
        this.classifier = new SpikingClassifier(config.classifier(), config.profile());
        this.sensors = new AnalogInput[config.sensors().size()];
        for (int i = 0; i < sensors.length; i++) {
            sensors[i] = board.analogInput(config.sensors().get(i));
        }
        this.teachers = new DigitalInput[config.teachers().size()];
        for (int k = 0; k < teachers.length; k++) {
            teachers[k] = board.digitalInput(config.teachers().get(k));
        }
        this.significanceButton = config.significance() == null ? null : board.digitalInput(config.significance());
        this.intensities = new int[sensors.length];
    }

    @Override
    public Network network() {
        return classifier.network();
    }

    @Override
    public void sense() throws HalException {
        for (int i = 0; i < sensors.length; i++) {
            intensities[i] = config.transform().intensity(sensors[i].read(), sensors[i].maxValue());
        }
        taught = readTeacher();
        modulator = readSignificance();
        classifier.beginClassifying(intensities);
        classifying = true;
    }

    private int readTeacher() throws HalException {
        int label = -1;
        for (int k = 0; k < teachers.length; k++) {
            if (teachers[k].isHigh() && label < 0) {
                label = k;
            }
        }
        return label;
    }

    private double readSignificance() throws HalException {
        double level = 1.0;
        if (significanceButton != null && (significanceButton.pollRisingEdges() > 0 || significanceButton.isHigh())) {
            level = config.significanceGain();
        }
        if (modulatorPending) {
            level = pendingModulator;
            modulatorPending = false;
        }
        return level;
    }

    @Override
    public Step step() {
        if (!classifier.presenting()) {
            return Step.IDLE;
        }
        if (!classifier.tick()) {
            return Step.BUSY;
        }
        if (classifying) {
            classifying = false;
            return Step.DECIDED;
        }
        return Step.LEARNED;
    }

    @Override
    public int decision() {
        return classifier.decision();
    }

    @Override
    public void learn(boolean driven, boolean learning) {
        if (driven && taught >= 0 && learning && modulator > 0) {
            classifier.beginLearning(intensities, taught, modulator);
        }
    }

    @Override
    public int label() {
        return taught;
    }

    @Override
    public double modulator() {
        return modulator;
    }

    @Override
    public boolean significant() {
        return modulator > 1.0;
    }

    @Override
    public void signalModulator(double level) {
        pendingModulator = level;
        modulatorPending = true;
    }
}
