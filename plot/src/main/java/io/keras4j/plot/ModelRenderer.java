package io.keras4j.plot;

import io.keras4j.utils.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.LineMetrics;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes a model's graph to a file in the format its extension names: drawn with Java2D, as SVG text, as DOT text,
 * or through Graphviz.
 *
 * <p>The picture follows Graphviz's drawing of Keras' {@code plot_model} graph: white background, 2 pt black edges
 * ending in a filled arrowhead, each layer's {@link LabelTable}, and a dashed frame with the model's name around each
 * expanded nested model. It is {@code dpi / 72} pixels to the point.
 */
final class ModelRenderer {
  /** Formats written by Java2D's image writers. */
  static final Set<String> IMAGE_FORMATS = Set.of("png", "jpg", "jpeg", "gif", "bmp");
  static final double ARROW_LENGTH = 10;
  static final double ARROW_HALF_WIDTH = 4;
  static final double EDGE_WIDTH = 2;

  private ModelRenderer() {}

  static void write(DotGraph dot, PlotModelOptions o, Path file) throws IOException {
    String ext = extension(file);
    boolean java = IMAGE_FORMATS.contains(ext) || ext.equals("svg") || ext.equals("dot") || ext.equals("gv");
    if (o.useGraphviz() || !java) {
      if (!java && !Graphviz.available()) {
        throw new IllegalArgumentException("plot_model writes png, svg, jpg, jpeg, gif, bmp, dot or gv without "
            + "Graphviz; other formats need Graphviz's `dot` on the PATH, which was not found. Received: to_file="
            + file);
      }
      Graphviz.render(dot.toDotString(), ext, file);
      return;
    }
    if (ext.equals("dot") || ext.equals("gv")) {
      AtomicFiles.write(file, tmp -> Files.writeString(tmp, dot.toDotString()));
      return;
    }
    GraphLayout layout = GraphLayout.of(dot, o.rankdir(), o.splines());
    if (ext.equals("svg")) {
      AtomicFiles.write(file, tmp -> Files.writeString(tmp, SvgWriter.svg(layout)));
      return;
    }
    BufferedImage image = draw(layout, o.dpi());
    String format = ext.equals("jpg") ? "jpeg" : ext;
    AtomicFiles.write(file, tmp -> {
      if (!ImageIO.write(image, format, tmp.toFile())) {
        throw new IOException("No Java image writer for format " + format);
      }
    });
  }

  /** The file's extension in lower case; "png" when it has none (as Keras). */
  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "png" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The picture of {@code layout} at {@code dpi} dots per inch. */
  static BufferedImage draw(GraphLayout layout, int dpi) {
    double scale = dpi / 72.0;
    int w = (int) Math.ceil(layout.width() * scale);
    int h = (int) Math.ceil(layout.height() * scale);
    BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.scale(scale, scale);
      for (GraphLayout.Cluster c : layout.clusters()) {
        drawCluster(g, c);
      }
      for (GraphLayout.Edge e : layout.edges()) {
        drawEdge(g, e);
      }
      for (GraphLayout.Box b : layout.boxes()) {
        drawBox(g, b);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawCluster(Graphics2D g, GraphLayout.Cluster c) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 2}, 0));
    g.draw(new Rectangle2D.Double(c.x(), c.y(), c.width(), c.height()));
    g.setFont(new Font(Font.SERIF, Font.PLAIN, 1).deriveFont(14f));
    g.drawString(c.name(), (float) (c.x() + GraphLayout.CLUSTER_PADDING), (float) (c.y() + 16));
  }

  private static void drawEdge(Graphics2D g, GraphLayout.Edge e) {
    List<Point2D> p = e.points();
    if (p.size() < 2) {
      return;
    }
    Point2D[] head = arrowHead(p);
    Path2D line = new Path2D.Double();
    line.moveTo(p.get(0).getX(), p.get(0).getY());
    for (int i = 1; i < p.size() - 1; i++) {
      line.lineTo(p.get(i).getX(), p.get(i).getY());
    }
    line.lineTo(head[3].getX(), head[3].getY());
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke((float) EDGE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.draw(line);
    Path2D tri = new Path2D.Double();
    tri.moveTo(head[0].getX(), head[0].getY());
    tri.lineTo(head[1].getX(), head[1].getY());
    tri.lineTo(head[2].getX(), head[2].getY());
    tri.closePath();
    g.fill(tri);
    g.draw(tri);
  }

  /**
   * The arrowhead at the end of {@code path}: its tip (the path's end), its two back corners, and where the line
   * stops (the middle of its back).
   */
  static Point2D[] arrowHead(List<Point2D> path) {
    Point2D end = path.get(path.size() - 1);
    Point2D from = path.get(path.size() - 2);
    double len = Math.max(1e-9, end.distance(from));
    double ux = (end.getX() - from.getX()) / len;
    double uy = (end.getY() - from.getY()) / len;
    double arrow = Math.min(ARROW_LENGTH, len);
    double bx = end.getX() - ux * arrow;
    double by = end.getY() - uy * arrow;
    return new Point2D[] {end, new Point2D.Double(bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH),
        new Point2D.Double(bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH), new Point2D.Double(bx, by)};
  }

  private static void drawBox(Graphics2D g, GraphLayout.Box b) {
    LabelTable t = b.table();
    g.setColor(Color.BLACK);
    g.fill(new Rectangle2D.Double(b.x(), b.y(), t.width(), t.height()));
    g.setStroke(new BasicStroke((float) LabelTable.BORDER));
    for (LabelTable.Cell c : t.cells()) {
      Rectangle2D r = new Rectangle2D.Double(b.x() + c.x(), b.y() + c.y(), c.width(), c.height());
      g.setColor(c.background());
      g.fill(r);
      g.setColor(Color.BLACK);
      double half = LabelTable.BORDER / 2;
      g.draw(new Rectangle2D.Double(r.getX() + half, r.getY() + half, r.getWidth() - 2 * half,
          r.getHeight() - 2 * half));
      drawText(g, c, r);
    }
  }

  private static void drawText(Graphics2D g, LabelTable.Cell c, Rectangle2D r) {
    double x = r.getCenterX() - LabelTable.textWidth(c.runs(), c.size()) / 2;
    Font plain = LabelTable.font(false, c.size());
    LineMetrics m = plain.getLineMetrics("Ag", g.getFontRenderContext());
    float baseline = (float) (r.getCenterY() + (m.getAscent() - m.getDescent()) / 2);
    g.setColor(c.foreground());
    for (LabelTable.Run run : c.runs()) {
      Font f = LabelTable.font(run.bold(), c.size());
      g.setFont(f);
      g.drawString(run.text(), (float) x, baseline);
      x += LabelTable.textWidth(List.of(run), c.size());
    }
  }
}
