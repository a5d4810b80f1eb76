package dev.aplysia.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.host.experiment.ComparisonReport.ReceptiveField;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceptiveFieldImageTest {

    @TempDir
    Path dir;

    @Test
    void aTileIsShadedAgainstItsNeuronsStrongestWeight() throws IOException {
        double[] weights = new double[64];
        weights[0] = 0.25;
        weights[1] = 0.125;
        ReportWriter.write(ComparisonReportFixture.typical()
                .receptiveFields(List.of(new ReceptiveField(0, weights, 3))).build(), ComparisonReportFixture.RUN,
                dir);

        BufferedImage image = ImageIO.read(dir.resolve("receptive-fields.png").toFile());

        assertEquals(0x000000, pixel(image, 0), "strongest weight");
        assertEquals(0x808080, pixel(image, 1), "half the strongest");
        assertEquals(0xFFFFFF, pixel(image, 2), "weight 0");
    }

    /** The colour of weight {@code index} of the first tile. */
    private static int pixel(BufferedImage image, int index) {
        int x = ReceptiveFieldImage.tileX(0) + (index % ReceptiveFieldImage.SIDE) * ReceptiveFieldImage.SCALE + 1;
        int y = ReceptiveFieldImage.tileY(0) + (index / ReceptiveFieldImage.SIDE) * ReceptiveFieldImage.SCALE + 1;
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
