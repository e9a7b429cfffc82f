package io.keras4j.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.keras4j.utils.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A grid of {@link Panel}s saved as one PNG or SVG, as matplotlib's {@code fig, axes = plt.subplots(rows, cols)} and
 * {@code fig.savefig("out.png")}.
 *
 * <pre>{@code
 * new Figure().add(RocCurve.of(y, p).panel()).add(ConfusionMatrixDisplay.fromPredictions(y, pred).panel())
 *     .suptitle("Test set").savefig(Path.of("test.png"));
 * }</pre>
 *
 * <p>Each cell of the grid is as large as the largest panel; panels fill the grid row by row.
 */
public final class Figure {
  private static final int TITLE_HEIGHT = 36;
  private final List<Panel> panels = new ArrayList<>();
  private int ncols = 0;
  private String suptitle;

  /** An empty figure; panels are laid out in one row unless {@link #ncols} says otherwise. */
  public Figure() {}

  /** A figure holding {@code panels}, in one row. */
  public static Figure of(Panel... panels) {
    Figure f = new Figure();
    for (Panel p : panels) {
      f.add(p);
    }
    return f;
  }

  /** Appends a panel. */
  public Figure add(Panel panel) {
    if (panel == null) {
      throw new IllegalArgumentException("Figure: panel must not be null");
    }
    panels.add(panel);
    return this;
  }

  /** Columns of the grid. Default: 0, all panels in one row. */
  public Figure ncols(int ncols) {
    if (ncols < 0) {
      throw new IllegalArgumentException("Figure: ncols must be >= 0. Received: ncols=" + ncols);
    }
    this.ncols = ncols;
    return this;
  }

  /** A title over the whole figure, as {@code fig.suptitle}. Default: none. */
  public Figure suptitle(String suptitle) {
    this.suptitle = suptitle;
    return this;
  }

  /** The panels, in order. */
  public List<Panel> panels() {
    return List.copyOf(panels);
  }

  /** Width of the figure in pixels. */
  public int width() {
    return cols() * cellWidth();
  }

  /** Height of the figure in pixels. */
  public int height() {
    int rows = (panels.size() + cols() - 1) / cols();
    return rows * cellHeight() + (suptitle == null ? 0 : TITLE_HEIGHT);
  }

  /** The figure drawn on a white RGB image. */
  public BufferedImage toImage() {
    requirePanels();
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Writes the figure to {@code file} in the format its extension names ({@code .png} or {@code .svg}), through a
   * temporary file renamed into place, as {@code fig.savefig(file)}.
   */
  public void savefig(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      savePng(file);
    } else if (name.endsWith(".svg")) {
      saveSvg(file);
    } else {
      throw new IllegalArgumentException("Figure: unsupported file format. Expected a .png or .svg file. Received: "
          + file);
    }
  }

  /** Writes a PNG image. */
  public void savePng(Path file) throws IOException {
    BufferedImage image = toImage();
    AtomicFiles.write(file, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("Figure: no PNG writer available");
      }
    });
  }

  /** Writes an SVG document (vector shapes and text; images embedded as PNG). */
  public void saveSvg(Path file) throws IOException {
    requirePanels();
    VectorGraphics2D g = new VectorGraphics2D();
    paint(g);
    g.dispose();
    PageSize page = new PageSize(0, 0, width(), height());
    AtomicFiles.write(file, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        new SVGProcessor().getDocument(g.getCommands(), page).writeTo(out);
      }
    });
  }

  private void paint(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    int top = 0;
    if (suptitle != null) {
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      int w = g.getFontMetrics().stringWidth(suptitle);
      g.drawString(suptitle, (width() - w) / 2, TITLE_HEIGHT - 12);
      top = TITLE_HEIGHT;
    }
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D cell = (Graphics2D) g.create((i % cols()) * cellWidth(), top + (i / cols()) * cellHeight(),
          cellWidth(), cellHeight());
      try {
        panels.get(i).paint(cell, cellWidth(), cellHeight());
      } finally {
        cell.dispose();
      }
    }
  }

  private int cols() {
    return ncols == 0 ? Math.max(1, panels.size()) : ncols;
  }

  private int cellWidth() {
    return panels.stream().mapToInt(Panel::width).max().orElse(1);
  }

  private int cellHeight() {
    return panels.stream().mapToInt(Panel::height).max().orElse(1);
  }

  private void requirePanels() {
    if (panels.isEmpty()) {
      throw new IllegalStateException("Figure: nothing to draw; add a panel first");
    }
  }
}
