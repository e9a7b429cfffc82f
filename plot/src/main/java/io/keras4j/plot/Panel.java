package io.keras4j.plot;

import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One drawing in a {@link Figure}: an XChart chart or a picture drawn with Java2D, the counterpart of a matplotlib
 * {@code Axes}.
 *
 * <p>Porting note: matplotlib draws every plot on an {@code Axes} of a {@code Figure}; here each plot class makes a
 * Panel that paints itself into the rectangle the Figure gives it.
 */
public interface Panel {
  /** Paints into {@code g}, whose origin is the panel's top left corner, a {@code width} x {@code height} area. */
  void paint(Graphics2D g, int width, int height);

  /** The panel's preferred width in pixels. */
  int width();

  /** The panel's preferred height in pixels. */
  int height();

  /** A Panel that draws an XChart chart at the chart's size. */
  static Panel of(Chart<?, ?> chart) {
    return new Panel() {
      @Override
      public void paint(Graphics2D g, int width, int height) {
        chart.paint(g, width, height);
      }

      @Override
      public int width() {
        return chart.getWidth();
      }

      @Override
      public int height() {
        return chart.getHeight();
      }
    };
  }
}
