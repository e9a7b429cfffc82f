package io.keras4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of one layer's box, in points (1/72 inch): the cells of the table Keras' HTML-like label describes.
 *
 * <p>Follows Graphviz's reading of Keras' label ({@code make_layer_label} of
 * {@code keras/src/utils/model_visualization.py}): a black table ({@code cellspacing} 2, {@code cellpadding} 10,
 * {@code cellborder} 1); a black header cell with the name in bold and the class, white 16 pt; an optional
 * white activation row; a row of 14 pt cells (input shape, output shape, dtype, and a green "Trainable" or red
 * "Non-trainable" cell) stretched to the table's width. Text is Helvetica when installed, else a metric-compatible
 * sans serif.
 */
final class LabelTable {
  static final double SPACING = 2;
  static final double PADDING = 10;
  static final double BORDER = 1;
  static final double LINE_SPACING = 1.2;
  static final Color FOREST_GREEN = new Color(0x22, 0x8B, 0x22);
  static final Color FIREBRICK = new Color(0xB2, 0x22, 0x22);
  static final String FAMILY = family();
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** A piece of text, bold or not. */
  record Run(String text, boolean bold) {}

  /** A cell at (x, y) from the table's top-left corner. */
  record Cell(double x, double y, double width, double height, Color background, Color foreground, float size,
      List<Run> runs) {}

  private final double width;
  private final double height;
  private final List<Cell> cells;

  private LabelTable(double width, double height, List<Cell> cells) {
    this.width = width;
    this.height = height;
    this.cells = List.copyOf(cells);
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  List<Cell> cells() {
    return cells;
  }

  /** The table of {@code label}. */
  static LabelTable of(LayerLabel label) {
    List<Run> header = label.showName()
        ? List.of(new Run(label.name(), true), new Run(" (" + label.className() + ")", false))
        : List.of(new Run(label.className(), true));
    List<List<Run>> cols = new ArrayList<>();
    addColumn(cols, "Input shape: ", label.inputShape());
    addColumn(cols, "Output shape: ", label.outputShape());
    addColumn(cols, "Output dtype: ", label.dtype());
    if (label.trainable() != null) {
      cols.add(List.of(new Run(label.trainable() ? "Trainable" : "Non-trainable", true)));
    }
    double headerWidth = cellWidth(header, 16);
    double activationWidth = label.activation() == null ? 0
        : cellWidth(List.of(new Run("Activation: ", false), new Run(label.activation(), true)), 14);
    double[] colWidths = cols.stream().mapToDouble(c -> cellWidth(c, 14)).toArray();
    double colsWidth = Arrays.stream(colWidths).sum() + SPACING * Math.max(0, colWidths.length - 1);
    double inner = Math.max(headerWidth, Math.max(activationWidth, colsWidth));
    List<Cell> cells = new ArrayList<>();
    double y = SPACING;
    cells.add(new Cell(SPACING, y, inner, cellHeight(16), Color.BLACK, Color.WHITE, 16, header));
    y += cellHeight(16) + SPACING;
    if (label.activation() != null) {
      cells.add(new Cell(SPACING, y, inner, cellHeight(14), Color.WHITE, Color.BLACK, 14,
          List.of(new Run("Activation: ", false), new Run(label.activation(), true))));
      y += cellHeight(14) + SPACING;
    }
    if (!cols.isEmpty()) {
      double extra = (inner - colsWidth) / colWidths.length;
      double x = SPACING;
      for (int i = 0; i < cols.size(); i++) {
        boolean flag = label.trainable() != null && i == cols.size() - 1;
        Color bg = !flag ? Color.WHITE : label.trainable() ? FOREST_GREEN : FIREBRICK;
        cells.add(new Cell(x, y, colWidths[i] + extra, cellHeight(14), bg, flag ? Color.WHITE : Color.BLACK, 14,
            cols.get(i)));
        x += colWidths[i] + extra + SPACING;
      }
      y += cellHeight(14) + SPACING;
    }
    return new LabelTable(inner + 2 * SPACING, y, cells);
  }

  private static void addColumn(List<List<Run>> cols, String caption, String value) {
    if (value != null) {
      cols.add(List.of(new Run(caption, false), new Run(value, true)));
    }
  }

  private static double cellWidth(List<Run> runs, float size) {
    return textWidth(runs, size) + 2 * (PADDING + BORDER);
  }

  private static double cellHeight(float size) {
    return size * LINE_SPACING + 2 * (PADDING + BORDER);
  }

  /** The width of {@code runs} at {@code size} points. */
  static double textWidth(List<Run> runs, float size) {
    double w = 0;
    for (Run r : runs) {
      w += font(r.bold(), size).getStringBounds(r.text(), FRC).getWidth();
    }
    return w;
  }

  static Font font(boolean bold, float size) {
    return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
  }

  /** Helvetica, or a font drawn to its metrics (Liberation Sans, Arial), or Java's sans serif. */
  private static String family() {
    List<String> installed = Arrays.asList(
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    for (String f : List.of("Helvetica", "Liberation Sans", "Arial", "Nimbus Sans", "DejaVu Sans")) {
      if (installed.contains(f)) {
        return f;
      }
    }
    return Font.SANS_SERIF;
  }
}
