package io.keras4j.examples;

import io.keras4j.callbacks.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** PNG plots for the examples (XChart). */
public final class Plots {
  private Plots() {}

  /** {@code examples/output} when run from the repository root, else {@code output}. */
  public static Path defaultOutput() {
    return java.nio.file.Files.isDirectory(Path.of("examples")) ? Path.of("examples", "output") : Path.of("output");
  }

  /** Loss and accuracy per epoch, training and validation, side by side in one PNG. */
  public static void trainingCurves(History h, String title, Path png) throws IOException {
    XYChart loss = chart(title + ": loss", "loss");
    XYChart acc = chart(title + ": accuracy", "accuracy");
    add(loss, h, "loss");
    add(loss, h, "val_loss");
    add(acc, h, "accuracy");
    add(acc, h, "val_accuracy");
    java.awt.image.BufferedImage a = BitmapEncoder.getBufferedImage(loss);
    java.awt.image.BufferedImage b = BitmapEncoder.getBufferedImage(acc);
    java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(a.getWidth() + b.getWidth(),
        a.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
    both.getGraphics().drawImage(a, 0, 0, null);
    both.getGraphics().drawImage(b, a.getWidth(), 0, null);
    javax.imageio.ImageIO.write(both, "png", png.toFile());
  }

  /** Two curves against x in one PNG. */
  public static void lines(String title, double[] x, double[] a, String aName, double[] b, String bName, Path png)
      throws IOException {
    XYChart c = new XYChartBuilder().width(700).height(450).title(title).xAxisTitle("frequency bin").yAxisTitle("|F|")
        .build();
    c.addSeries(aName, x, a);
    c.addSeries(bName, x, b);
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart chart(String title, String y) {
    return new XYChartBuilder().width(600).height(400).title(title).xAxisTitle("epoch").yAxisTitle(y).build();
  }

  private static void add(XYChart c, History h, String key) {
    if (!h.history().containsKey(key)) {
      return;
    }
    List<Double> v = h.get(key);
    List<Integer> epochs = new ArrayList<>();
    for (int i = 1; i <= v.size(); i++) {
      epochs.add(i);
    }
    c.addSeries(key, epochs, v);
  }

  /** Completeness against flux for the network and the threshold detector. */
  public static void completeness(double[] bins, double[] network, double[] threshold, Path png) throws IOException {
    double[] mid = new double[network.length];
    for (int i = 0; i < mid.length; i++) {
      mid[i] = Math.sqrt(bins[i] * bins[i + 1]);
    }
    XYChart c = new XYChartBuilder().width(700).height(450).title("Completeness against flux")
        .xAxisTitle("source flux (electrons)").yAxisTitle("completeness").build();
    c.getStyler().setXAxisLogarithmic(true);
    c.addSeries("ConvNN source finder", mid, network);
    c.addSeries("5-sigma threshold", mid, threshold);
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
