package dev.aplysia.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aplysia.device.model.McuProfile;
import dev.aplysia.hal.BoardConfig;
import dev.aplysia.hal.ErrorKind;
import dev.aplysia.hal.HalException;
import org.junit.jupiter.api.Test;

class RobotWiringTest {

    private static String robot() {
        return RobotBench.text("robot.board");
    }

    private static HalException rejected(String boardText) throws HalException {
        BoardConfig board = BoardConfig.parse("robot.board", boardText);
        return assertThrows(HalException.class, () -> RobotWiring.config(board, McuProfile.RP2040, "bench", 1));
    }

    private static int lineOf(String text, String declaration) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(declaration)) {
                return i + 1;
            }
        }
        throw new AssertionError(declaration + " is not in the board file");
    }

    @Test
    void theExampleBoardWiresTheWholeRobot() throws HalException {
        FirmwareConfig config = RobotBench.config(McuProfile.RP2040);

        assertEquals(4, config.teachers().size());
        assertEquals(4, config.classLeds().size());
        assertEquals("significance", config.significance());
    }

    @Test
    void threeOfTheFourTeachingInputsFailAtStartNamingTheFileLineAndTheMissingOne() throws HalException {
        String text = robot().replaceFirst("(?m)^digital-in   teach-slight-left .*$", "");

        HalException e = rejected(text);

        assertEquals(ErrorKind.INVALID_CONFIG, e.kind());
        assertEquals("robot.board:" + lineOf(text, "digital-in   teach-forward") + ": teaching inputs must be all 4"
                + " or none: teach-slight-left is missing", e.getMessage());
    }

    @Test
    void threeOfTheFourLedsFailAtStartNamingTheMissingOne() throws HalException {
        String text = robot().replaceFirst("(?m)^digital-out  led-sharp-right .*$", "");

        HalException e = rejected(text);

        assertEquals("robot.board:" + lineOf(text, "digital-out  led-forward") + ": LEDs must be all 4 or none:"
                + " led-sharp-right is missing", e.getMessage());
    }

    @Test
    void aMisspelledChannelIsRejectedOnItsLineListingTheNamesTheRobotUses() throws HalException {
        String text = robot().replace("digital-in   significance ", "digital-in   signifcance  ");

        HalException e = rejected(text);

        assertTrue(e.getMessage().startsWith("robot.board:" + lineOf(text, "digital-in   signifcance")
                + ": digital-in 'signifcance' is not a channel the robot uses; its digital inputs are"
                + " teach-forward, "), e.getMessage());
    }

    @Test
    void aMissingMotorIsRejectedNamingIt() throws HalException {
        HalException e = rejected(robot().replaceFirst("(?m)^pwm          motor-right .*$", ""));

        assertEquals("robot.board: the robot needs pwm 'motor-right' (it drives motor-left and motor-right)",
                e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceOnePerLine() throws HalException {
        String text = robot().replaceFirst("(?m)^pwm          motor-right .*$", "")
                .replaceFirst("(?m)^digital-in   teach-forward .*$", "");

        HalException e = rejected(text);

        assertEquals(2, e.getMessage().lines().count(), e.getMessage());
    }
}
