package dev.aplysia.host.report;

import dev.aplysia.host.experiment.ComparisonReport.ReceptiveField;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * The receptive fields as one image: a grid of up to {@value #COLUMNS} tiles a row, one per feature neuron in the
 * report's order. A tile is the neuron's 64 input weights as 8x8 gray pixels, each scaled up {@value #SCALE} times,
 * white for weight 0 and black for the neuron's strongest weight (ink on paper, like the digits), with the class its
 * readout favours written above it. Each tile is scaled to its own strongest weight because learned weights use a
 * small part of 0..1, and the shape, not the magnitude, is what a tile shows; magnitudes are in the JSON.
 */
final class ReceptiveFieldImage {

    static final int SIDE = 8;
    static final int SCALE = 8;
    static final int TILE = SIDE * SCALE;
    static final int COLUMNS = 10;
    static final int LABEL_HEIGHT = 20;
    static final int GAP = 12;
    static final int CELL_WIDTH = TILE + GAP;
    static final int CELL_HEIGHT = LABEL_HEIGHT + TILE + GAP;

    private ReceptiveFieldImage() {
    }

    /** The grid; {@code fields} is not empty and each field has {@value #SIDE}x{@value #SIDE} weights. */
    static BufferedImage of(List<ReceptiveField> fields) {
        int columns = Math.min(COLUMNS, fields.size());
        int rows = (fields.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(GAP + columns * CELL_WIDTH, GAP + rows * CELL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < fields.size(); i++) {
            drawCell(g, fields.get(i), tileX(i), tileY(i));
        }
        g.dispose();
        return image;
    }

    /** Left edge of the {@code index}th tile's pixels. */
    static int tileX(int index) {
        return GAP + (index % COLUMNS) * CELL_WIDTH;
    }

    /** Top edge of the {@code index}th tile's pixels (below its label). */
    static int tileY(int index) {
        return GAP + (index / COLUMNS) * CELL_HEIGHT + LABEL_HEIGHT;
    }

    /** The text above a tile: its readout class, or that it has learned none. */
    private static String label(ReceptiveField field) {
        return field.label() < 0 ? "none" : "class " + field.label();
    }

    private static void drawCell(Graphics2D g, ReceptiveField field, int x, int y) {
        if (field.weights().length != SIDE * SIDE) {
            throw new IllegalArgumentException("neuron " + field.neuron() + " has " + field.weights().length
                    + " weights, a tile needs " + SIDE * SIDE);
        }
        double strongest = Arrays.stream(field.weights()).max().orElseThrow();
        for (int p = 0; p < field.weights().length; p++) {
            g.setColor(ink(field.weights()[p], strongest));
            g.fillRect(x + (p % SIDE) * SCALE, y + (p / SIDE) * SCALE, SCALE, SCALE);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x - 1, y - 1, TILE + 1, TILE + 1);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        String label = label(field);
        g.drawString(label, x + (TILE - metrics.stringWidth(label)) / 2, y - 5);
    }

    /** White for weight 0 (or less), black for the strongest weight; all white when no weight is positive. */
    private static Color ink(double weight, double strongest) {
        double darkness = strongest > 0 ? Math.max(0, weight) / strongest : 0;
        int level = (int) Math.round(255 * (1 - darkness));
        return new Color(level, level, level);
    }
}
