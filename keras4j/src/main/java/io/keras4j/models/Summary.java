package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Variable;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's model summary table.
 *
 * <p>Keras equivalent: {@code model.summary()}: a row per layer with name (type), output shape and parameter
 * count, then total, trainable and non-trainable parameters with their size in bytes (float32).
 */
final class Summary {
  private static final int[] WIDTHS = {33, 24, 15};

  private Summary() {}

  static String of(Model model) {
    StringBuilder b = new StringBuilder();
    b.append("Model: \"").append(model.name()).append("\"\n");
    b.append(line('┏', '┳', '┓', '━'));
    b.append(row('┃', "Layer (type)", "Output Shape", "Param #", true));
    b.append(line('┡', '╇', '┩', '━'));
    List<Layer> layers = model instanceof Sequential ? model.layers() : model.layers();
    for (Layer l : layers) {
      String shape = outputShape(model, l);
      String params = l.built() ? String.format(Locale.US, "%,d", l.countParams()) : "0 (unbuilt)";
      b.append(row('│', l.name() + " (" + l.getClass().getSimpleName() + ")", shape, params, false));
    }
    b.append(line('└', '┴', '┘', '─'));
    long total = 0;
    long trainable = 0;
    for (Variable v : model.weights()) {
      total += v.shape().size();
    }
    for (Variable v : model.trainableWeights()) {
      trainable += v.shape().size();
    }
    b.append(" Total params: ").append(count(total)).append('\n');
    b.append(" Trainable params: ").append(count(trainable)).append('\n');
    b.append(" Non-trainable params: ").append(count(total - trainable)).append('\n');
    return b.toString();
  }

  private static String outputShape(Model model, Layer l) {
    if (l instanceof InputLayer in) {
      return in.batchShape().toString();
    }
    for (Node n : model.graphNodes()) {
      if (n.layer() == l) {
        List<String> shapes = new ArrayList<>();
        for (KerasTensor t : n.outputs()) {
          shapes.add(t.shape().toString());
        }
        return shapes.size() == 1 ? shapes.get(0) : shapes.toString();
      }
    }
    return "?";
  }

  private static String count(long n) {
    double bytes = n * 4.0;
    String size = bytes < 1024 ? String.format(Locale.US, "%.2f B", bytes)
        : bytes < 1024 * 1024 ? String.format(Locale.US, "%.2f KB", bytes / 1024)
        : bytes < 1024.0 * 1024 * 1024 ? String.format(Locale.US, "%.2f MB", bytes / 1024 / 1024)
        : String.format(Locale.US, "%.2f GB", bytes / 1024 / 1024 / 1024);
    return String.format(Locale.US, "%,d (%s)", n, size);
  }

  private static String line(char left, char mid, char right, char fill) {
    StringBuilder b = new StringBuilder().append(left);
    for (int i = 0; i < WIDTHS.length; i++) {
      b.append(String.valueOf(fill).repeat(WIDTHS[i]));
      b.append(i < WIDTHS.length - 1 ? mid : right);
    }
    return b.append('\n').toString();
  }

  private static String row(char sep, String a, String c, String d, boolean header) {
    String[] cells = {a, c, d};
    StringBuilder b = new StringBuilder().append(sep);
    for (int i = 0; i < cells.length; i++) {
      String text = cells[i].length() > WIDTHS[i] - 2 ? cells[i].substring(0, WIDTHS[i] - 3) + "…" : cells[i];
      String padded = i == 2 && !header ? String.format("%" + (WIDTHS[i] - 1) + "s ", text)
          : String.format(" %-" + (WIDTHS[i] - 1) + "s", text);
      b.append(padded).append(sep);
    }
    return b.append('\n').toString();
  }
}
