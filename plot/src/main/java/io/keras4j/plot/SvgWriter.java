package io.keras4j.plot;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Locale;

/**
 * A laid-out model graph as an SVG document, in points: the same boxes, edges and clusters that
 * {@link ModelRenderer} draws into a PNG.
 *
 * <p>Stands in for Graphviz's {@code -Tsvg} output of Keras' {@code plot_model(model, "model.svg")}. Text is set
 * in Helvetica (falling back to Arial, then any sans serif), bold runs as {@code <tspan font-weight="bold">}.
 */
final class SvgWriter {
  private static final String FONTS = "Helvetica,Arial,sans-serif";

  private SvgWriter() {}

  static String svg(GraphLayout layout) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.2fpt\" "
        + "height=\"%.2fpt\" viewBox=\"0 0 %.2f %.2f\">\n", layout.width(), layout.height(), layout.width(),
        layout.height()));
    b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.2f\" height=\"%.2f\" fill=\"white\"/>\n",
        layout.width(), layout.height()));
    for (GraphLayout.Cluster c : layout.clusters()) {
      b.append("<g class=\"cluster\">");
      b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" "
          + "stroke=\"black\" stroke-dasharray=\"5,2\"/>", c.x(), c.y(), c.width(), c.height()));
      b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"Times,serif\" "
          + "font-size=\"14\">%s</text></g>\n", c.x() + GraphLayout.CLUSTER_PADDING, c.y() + 16, xml(c.name())));
    }
    for (GraphLayout.Edge e : layout.edges()) {
      edge(b, e);
    }
    for (GraphLayout.Box box : layout.boxes()) {
      box(b, box);
    }
    return b.append("</svg>\n").toString();
  }

  private static void edge(StringBuilder b, GraphLayout.Edge e) {
    List<Point2D> p = e.points();
    if (p.size() < 2) {
      return;
    }
    Point2D[] head = ModelRenderer.arrowHead(p);
    b.append("<g class=\"edge\"><polyline fill=\"none\" stroke=\"black\" stroke-width=\"")
        .append(num(ModelRenderer.EDGE_WIDTH)).append("\" points=\"");
    for (int i = 0; i < p.size() - 1; i++) {
      b.append(point(p.get(i))).append(' ');
    }
    b.append(point(head[3])).append("\"/><polygon fill=\"black\" stroke=\"black\" points=\"")
        .append(point(head[0])).append(' ').append(point(head[1])).append(' ').append(point(head[2]))
        .append("\"/></g>\n");
  }

  private static void box(StringBuilder b, GraphLayout.Box box) {
    LabelTable t = box.table();
    b.append("<g class=\"node\"><title>").append(xml(box.label().name())).append("</title>");
    b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"black\"/>",
        box.x(), box.y(), t.width(), t.height()));
    for (LabelTable.Cell c : t.cells()) {
      double x = box.x() + c.x();
      double y = box.y() + c.y();
      double half = LabelTable.BORDER / 2;
      b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" "
          + "stroke=\"black\"/>", x + half, y + half, c.width() - 2 * half, c.height() - 2 * half,
          color(c.background())));
      b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" "
          + "dominant-baseline=\"central\" font-family=\"%s\" font-size=\"%s\" fill=\"%s\">", x + c.width() / 2,
          y + c.height() / 2, FONTS, num(c.size()), color(c.foreground())));
      for (LabelTable.Run r : c.runs()) {
        b.append(r.bold() ? "<tspan font-weight=\"bold\">" : "<tspan>").append(xml(r.text())).append("</tspan>");
      }
      b.append("</text>");
    }
    b.append("</g>\n");
  }

  private static String point(Point2D p) {
    return num(p.getX()) + "," + num(p.getY());
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String color(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** Escapes text for XML content and attributes. */
  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
