package io.keras4j.plot;

import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The box of one layer in a model plot: the fields Keras writes in its HTML-like Graphviz label.
 *
 * <p>Keras equivalent: {@code make_layer_label(layer, ...)} of {@code keras/src/utils/model_visualization.py}
 * (Keras 3.15.1). A field is {@code null} when the options leave it out: {@code activation} also when the layer has
 * none, {@code inputShape} also for an {@code InputLayer}, {@code trainable} also for a layer without weights.
 *
 * @param name the layer's name
 * @param className Keras' class name ("Dense"; "Functional" for a keras4j {@code Model} of a graph)
 * @param showName whether the header shows the name (else the class name alone)
 * @param activation the activation's name ("relu") or null
 * @param inputShape the input shape(s) as Python prints them ("(None, 8)", "[(None, 4), (None, 2)]") or null
 * @param outputShape the output shape(s) or null
 * @param dtype the output dtype(s) ("float32") or null
 * @param trainable whether the layer is trainable, or null
 * @param colspan the header's column span, as Keras computes it from the options
 */
public record LayerLabel(String name, String className, boolean showName, String activation, String inputShape,
    String outputShape, String dtype, Boolean trainable, int colspan) {

  /** The label of {@code layer} under {@code options}, {@code showNames} resolved. */
  static LayerLabel of(Layer layer, PlotModelOptions options, boolean showNames) {
    String cls = className(layer);
    int colspanMax = (options.showDtype() ? 1 : 0) + (options.showTrainable() ? 1 : 0)
        + (options.showShapes() ? 2 : 0);
    String activation = options.showLayerActivations() ? activationName(layer) : null;
    String in = null;
    String out = null;
    if (options.showShapes()) {
      Node first = layer.inboundNodes().isEmpty() ? null : layer.inboundNodes().get(0);
      in = layer instanceof InputLayer ? null : first == null ? "?" : format(first.isInput() ? first.outputs()
          : first.inputs(), false);
      out = first == null ? "?" : format(first.outputs(), false);
    }
    String dtype = null;
    if (options.showDtype()) {
      dtype = layer.inboundNodes().isEmpty() ? "?" : format(layer.inboundNodes().get(0).outputs(), true);
    }
    Boolean trainable = options.showTrainable() && !layer.weights().isEmpty() ? layer.trainable() : null;
    return new LayerLabel(layer.name(), cls, showNames, activation, in, out, dtype, trainable,
        Math.max(1, colspanMax));
  }

  /** Keras' class name of {@code layer}: a keras4j {@code Model} with a graph is Keras' {@code Functional}. */
  static String className(Layer layer) {
    return layer.getClass() == Model.class ? "Functional" : layer.kerasClassName();
  }

  /** Keras' {@code get_layer_activation_name}: the name of the layer's {@code activation}, null when it has none. */
  private static String activationName(Layer layer) {
    if (layer instanceof Model || layer instanceof Sequential) {
      return null;
    }
    Object a = layer.getConfig().get("activation");
    if (a instanceof Map<?, ?> m) {
      Object config = m.get("config");
      Object name = config instanceof Map<?, ?> c ? c.get("name") : null;
      return String.valueOf(name != null ? name : m.get("class_name"));
    }
    return a == null ? null : a.toString();
  }

  /** One tensor's shape as Python prints the tuple; several as a Python list of them. */
  private static String format(List<KerasTensor> tensors, boolean dtypes) {
    List<String> parts = new ArrayList<>();
    for (KerasTensor t : tensors) {
      parts.add(dtypes ? (tensors.size() == 1 ? t.dtype() : "'" + t.dtype() + "'") : t.shape().toString());
    }
    return parts.size() == 1 ? parts.get(0) : "[" + String.join(", ", parts) + "]";
  }

  /** The header text without markup: "name (Class)", or "Class" when names are hidden. */
  public String header() {
    return showName ? name + " (" + className + ")" : className;
  }

  /** The cells of the bottom row, in Keras' order: input shape, output shape, dtype, trainable. */
  public List<String> columns() {
    List<String> cols = new ArrayList<>();
    if (inputShape != null) {
      cols.add("Input shape: " + inputShape);
    }
    if (outputShape != null) {
      cols.add("Output shape: " + outputShape);
    }
    if (dtype != null) {
      cols.add("Output dtype: " + dtype);
    }
    if (trainable != null) {
      cols.add(trainable ? "Trainable" : "Non-trainable");
    }
    return cols;
  }

  /** Keras' HTML-like Graphviz label, {@code <...>} included. */
  public String toHtml() {
    StringBuilder t = new StringBuilder("<<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">");
    t.append("<tr><td colspan=\"").append(colspan).append("\" bgcolor=\"black\">")
        .append("<font point-size=\"16\" color=\"white\">")
        .append(showName ? "<b>" + esc(name) + "</b> (" + className + ")" : "<b>" + className + "</b>")
        .append("</font></td></tr>");
    if (activation != null) {
      t.append("<tr><td bgcolor=\"white\" colspan=\"").append(colspan).append("\"><font point-size=\"14\">")
          .append("Activation: <b>").append(esc(activation)).append("</b></font></td></tr>");
    }
    StringBuilder cols = new StringBuilder();
    appendCell(cols, "Input shape: ", inputShape);
    appendCell(cols, "Output shape: ", outputShape);
    appendCell(cols, "Output dtype: ", dtype);
    if (trainable != null) {
      cols.append("<td bgcolor=\"").append(trainable ? "forestgreen" : "firebrick")
          .append("\"><font point-size=\"14\" color=\"white\"><b>")
          .append(trainable ? "Trainable" : "Non-trainable").append("</b></font></td>");
    }
    if (cols.length() > 0) {
      t.append("<tr>").append(cols).append("</tr>");
    }
    return t.append("</table>>").toString();
  }

  private static void appendCell(StringBuilder cols, String caption, String value) {
    if (value != null) {
      cols.append("<td bgcolor=\"white\"><font point-size=\"14\">").append(caption).append("<b>").append(esc(value))
          .append("</b></font></td>");
    }
  }

  /** Escapes the characters that would end Graphviz's HTML-like label (Keras writes names as they are). */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
