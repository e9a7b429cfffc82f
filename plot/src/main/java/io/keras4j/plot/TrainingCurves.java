package io.keras4j.plot;

import io.keras4j.callbacks.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and metric curves per epoch from a {@link History}, training and validation on the same axes: the
 * matplotlib plot of every Keras tutorial,
 * {@code plt.plot(history.history["loss"]); plt.plot(history.history["val_loss"])}.
 *
 * <pre>{@code
 * History h = model.fit(x, y, new FitOptions().epochs(20).validationSplit(0.2));
 * TrainingCurves.of(h).figure().savefig(Path.of("curves.png"));   // one panel per metric: loss, accuracy, ...
 * }</pre>
 */
public final class TrainingCurves {
  private final Map<String, List<Double>> history;
  private final List<String> metrics = new ArrayList<>();

  private TrainingCurves(Map<String, List<Double>> history) {
    this.history = history;
    for (String key : history.keySet()) {
      if (!key.startsWith("val_")) {
        metrics.add(key);
      } else if (!history.containsKey(key.substring(4))) {
        metrics.add(key.substring(4));
      }
    }
  }

  /** The curves of {@code history}: one panel per metric ({@code loss} first), each with its {@code val_} twin. */
  public static TrainingCurves of(History history) {
    return of(history.history());
  }

  /** The curves of a map from metric name to one value per epoch (Keras' {@code history.history}). */
  public static TrainingCurves of(Map<String, List<Double>> history) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("TrainingCurves: the history is empty; fit the model first");
    }
    return new TrainingCurves(new LinkedHashMap<>(history));
  }

  /** The metric names, one per panel: {@code loss} and the metrics, without their {@code val_} twins. */
  public List<String> metrics() {
    List<String> out = new ArrayList<>(metrics);
    if (out.remove("loss")) {
      out.add(0, "loss");
    }
    return out;
  }

  /** The panel of one metric: its training curve and, when recorded, the validation curve, against epoch 1, 2, .. */
  public Panel panel(String metric) {
    if (!metrics.contains(metric)) {
      throw new IllegalArgumentException("TrainingCurves: no metric " + metric + " in the history. Expected one of "
          + metrics() + ". Received: " + metric);
    }
    XYChart c = Charts.xy("Model " + metric, "Epoch", metric);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    for (String key : new String[] {metric, "val_" + metric}) {
      List<Double> v = history.get(key);
      if (v == null || v.isEmpty()) {
        continue;
      }
      double[] x = new double[v.size()];
      double[] y = new double[v.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
        y[i] = v.get(i);
      }
      Charts.line(c, key.startsWith("val_") ? "validation" : "train", x, y)
          .setMarker(x.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    c.getStyler().setMarkerSize(5);
    return Panel.of(c);
  }

  /** All panels side by side, {@code ncols} to a row (2 when there are more than two metrics). */
  public Figure figure() {
    Figure f = new Figure().ncols(Math.min(metrics.size(), 2));
    for (String m : metrics()) {
      f.add(panel(m));
    }
    return f;
  }
}
