package io.keras4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * A confusion matrix drawn as a heat map with the value in each cell and a colour bar, as scikit-learn's
 * {@code ConfusionMatrixDisplay}.
 *
 * <pre>{@code
 * ConfusionMatrixDisplay.fromPredictions(yTest, predicted).displayLabels("GALAXY", "QSO", "STAR")
 *     .normalize("true").cmap("Blues").panel();
 * }</pre>
 *
 * <p>Like sklearn's {@code plot()}: rows are true labels (first at the top), columns predicted labels, colours from
 * {@link Colormap} between the smallest and largest value, each value written in the map's low-end colour on bright
 * cells and its high-end colour on dark ones (split at the middle of the value range); integers as integers,
 * fractions with two significant digits. Porting note: drawn with Java2D rather than XChart, whose heat map has
 * neither per-cell text colours nor square cells.
 */
public final class ConfusionMatrixDisplay {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final int LEFT = 110;
  private static final int TOP = 40;
  private static final int BOTTOM = 70;
  private static final int BAR_SPACE = 90;

  private final ConfusionMatrix matrix;
  private String[] displayLabels;
  private String normalize;
  private String cmap = "viridis";
  private boolean includeValues = true;
  private String title = "";

  /** A display of {@code matrix}, as {@code ConfusionMatrixDisplay(confusion_matrix)}. */
  public ConfusionMatrixDisplay(ConfusionMatrix matrix) {
    this.matrix = matrix;
  }

  /** The display of {@code confusion_matrix(y_true, y_pred)}, as {@code ConfusionMatrixDisplay.from_predictions}. */
  public static ConfusionMatrixDisplay fromPredictions(int[] yTrue, int[] yPred) {
    return new ConfusionMatrixDisplay(ConfusionMatrix.of(yTrue, yPred));
  }

  /** Tick labels, one per class. Default: the integer labels. */
  public ConfusionMatrixDisplay displayLabels(String... displayLabels) {
    if (displayLabels.length != matrix.labels().length) {
      throw new IllegalArgumentException("ConfusionMatrixDisplay: expected " + matrix.labels().length
          + " display labels. Received: " + Arrays.toString(displayLabels));
    }
    this.displayLabels = displayLabels.clone();
    return this;
  }

  /** "true", "pred", "all" or null: what the values are normalised by (see {@link ConfusionMatrix#normalize}). */
  public ConfusionMatrixDisplay normalize(String normalize) {
    matrix.normalize(normalize);
    this.normalize = normalize;
    return this;
  }

  /** The colormap's name (see {@link Colormap#get}). Default: "viridis". */
  public ConfusionMatrixDisplay cmap(String cmap) {
    Colormap.get(cmap);
    this.cmap = cmap;
    return this;
  }

  /** Whether each cell shows its value. Default: true. */
  public ConfusionMatrixDisplay includeValues(boolean includeValues) {
    this.includeValues = includeValues;
    return this;
  }

  /** The title over the matrix. Default: none. */
  public ConfusionMatrixDisplay title(String title) {
    this.title = title == null ? "" : title;
    return this;
  }

  /** The values drawn: the counts, or the normalised matrix. */
  public double[][] values() {
    return matrix.normalize(normalize);
  }

  /** The heat map as a panel of 640 x 480 pixels. */
  public Panel panel() {
    return new Panel() {
      @Override
      public void paint(Graphics2D g, int width, int height) {
        draw(g, width, height);
      }

      @Override
      public int width() {
        return WIDTH;
      }

      @Override
      public int height() {
        return HEIGHT;
      }
    };
  }

  /** The pixel rectangle of cell (row i, column j) in a panel of the given size. */
  Rectangle cell(int i, int j, int width, int height) {
    int n = matrix.labels().length;
    int size = Math.max(1, Math.min((width - LEFT - BAR_SPACE) / n, (height - TOP - BOTTOM) / n));
    return new Rectangle(LEFT + j * size, TOP + i * size, size, size);
  }

  private void draw(Graphics2D g, int width, int height) {
    double[][] v = values();
    int n = v.length;
    double lo = Arrays.stream(v).flatMapToDouble(Arrays::stream).min().orElse(0);
    double hi = Arrays.stream(v).flatMapToDouble(Arrays::stream).max().orElse(1);
    Colormap map = Colormap.get(cmap);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Font valueFont = new Font(Font.SANS_SERIF, Font.PLAIN, n > 8 ? 11 : n > 4 ? 15 : 20);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Rectangle r = cell(i, j, width, height);
        g.setColor(map.color(v[i][j], lo, hi));
        g.fill(r);
        if (includeValues) {
          g.setColor(v[i][j] < (hi + lo) / 2 ? map.color(1) : map.color(0));
          centred(g, valueFont, format(v[i][j], normalize == null), r.getCenterX(), r.getCenterY());
        }
      }
    }
    Rectangle first = cell(0, 0, width, height);
    Rectangle last = cell(n - 1, n - 1, width, height);
    int right = last.x + last.width;
    int bottom = last.y + last.height;
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1));
    g.drawRect(first.x, first.y, right - first.x, bottom - first.y);
    axisLabels(g, n, width, height, right, bottom);
    colorBar(g, map, lo, hi, right + 20, first.y, bottom);
  }

  private void axisLabels(Graphics2D g, int n, int width, int height, int right, int bottom) {
    Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    for (int k = 0; k < n; k++) {
      Rectangle r = cell(k, k, width, height);
      String label = displayLabels == null ? Integer.toString(matrix.labels()[k]) : displayLabels[k];
      centred(g, tick, label, r.getCenterX(), bottom + 14);
      g.setFont(tick);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(label, LEFT - 6 - fm.stringWidth(label), (int) r.getCenterY() + fm.getAscent() / 2 - 1);
    }
    Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    centred(g, axis, "Predicted label", (LEFT + right) / 2.0, bottom + 42);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, 24, (TOP + bottom) / 2.0);
    centred(g, axis, "True label", 24, (TOP + bottom) / 2.0);
    g.setTransform(saved);
    if (!title.isEmpty()) {
      centred(g, new Font(Font.SANS_SERIF, Font.PLAIN, 15), title, (LEFT + right) / 2.0, TOP / 2.0);
    }
  }

  private void colorBar(Graphics2D g, Colormap map, double lo, double hi, int x, int top, int bottom) {
    int h = bottom - top;
    for (int y = 0; y < h; y++) {
      g.setColor(map.color(1 - y / (double) Math.max(1, h - 1)));
      g.fillRect(x, top + y, 16, 1);
    }
    g.setColor(Color.BLACK);
    g.drawRect(x, top, 16, h);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int k = 0; k <= 4; k++) {
      double value = lo + (hi - lo) * k / 4;
      int y = bottom - (int) Math.round(h * k / 4.0);
      g.drawLine(x + 16, y, x + 20, y);
      boolean integral = normalize == null && (value == Math.rint(value) || hi - lo >= 10);
      g.drawString(integral ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT,
          normalize == null ? "%.1f" : "%.2f", value), x + 23, y + 4);
    }
  }

  /** sklearn's cell text: "d" for counts, else ".2g". */
  static String format(double value, boolean counts) {
    if (counts && value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros();
    return Math.abs(value) < 1e-4 || Math.abs(value) >= 100 ? String.format(java.util.Locale.ROOT, "%.1e", value)
        : d.toPlainString();
  }

  private static void centred(Graphics2D g, Font font, String text, double cx, double cy) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) (cy + fm.getAscent() / 2.0 - 2));
  }
}
