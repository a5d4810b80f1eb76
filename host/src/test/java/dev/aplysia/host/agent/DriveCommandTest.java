package dev.aplysia.host.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.reward.RewardWiring;

import org.junit.jupiter.api.Test;

class DriveCommandTest {

    @Test
    void forwardDrivesBothWheelsAndATurnStopsTheInnerWheel() {
        assertEquals(800, DriveCommand.FORWARD.leftDuty(1000));
        assertEquals(800, DriveCommand.FORWARD.rightDuty(1000));
        assertEquals(0, DriveCommand.TURN_LEFT.leftDuty(1000));
        assertEquals(600, DriveCommand.TURN_LEFT.rightDuty(1000));
        assertEquals(600, DriveCommand.TURN_RIGHT.leftDuty(1000));
        assertEquals(0, DriveCommand.TURN_RIGHT.rightDuty(1000));
    }

    @Test
    void dutiesScaleToTheChannelsFullDutyRoundingDown() {
        assertEquals(204, DriveCommand.FORWARD.leftDuty(255));
        assertEquals(52428, DriveCommand.FORWARD.rightDuty(65535));
    }

    @Test
    void theCommandsAreTheRewardRobotsActionsInItsOrder() {
        for (DriveCommand command : DriveCommand.values()) {
            assertEquals(RewardWiring.ACTIONS.get(command.ordinal()), command.name().toLowerCase().replace('_', '-'));
            assertEquals(RewardWiring.dutyPermille(command.ordinal(), 0), command.leftPermille());
            assertEquals(RewardWiring.dutyPermille(command.ordinal(), 1), command.rightPermille());
        }
    }

    @Test
    void commandsAreIndexedByOrdinal() {
        assertEquals(3, DriveCommand.count());
        assertEquals(DriveCommand.TURN_RIGHT, DriveCommand.of(2));
    }
}
