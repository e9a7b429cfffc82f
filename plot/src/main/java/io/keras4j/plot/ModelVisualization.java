package io.keras4j.plot;

import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a model: its graph as Graphviz DOT text, or as a PNG or SVG picture laid out and drawn in Java.
 *
 * <p>Keras equivalent: {@code keras.utils.model_to_dot} and {@code keras.utils.plot_model}, following
 * {@code keras/src/utils/model_visualization.py} (Keras 3.15.1): the same nodes, labels and edges.
 * <pre>{@code
 * ModelVisualization.plotModel(model, Path.of("model.png"), new PlotModelOptions().showShapes(true));
 * String dot = ModelVisualization.modelToDot(model, new PlotModelOptions()).toDotString();
 * }</pre>
 *
 * <p>Porting note: Keras names nodes by Python object ids; keras4j numbers the layers in the order it meets them.
 * Keras renders through Graphviz, which must be installed; keras4j lays the graph out with the Eclipse Layout
 * Kernel's layered (Sugiyama) algorithm and draws it with Java2D (PNG, JPEG, GIF, BMP) or as SVG text, and calls
 * Graphviz's {@code dot} only when asked ({@link PlotModelOptions#useGraphviz}) or for a format it does not write.
 */
public final class ModelVisualization {
  private ModelVisualization() {}

  /** The model's graph (Keras' {@code model_to_dot(model, ...)}); {@code show_layer_names} defaults to true. */
  public static DotGraph modelToDot(Model model, PlotModelOptions options) {
    checkBuilt(model);
    PlotModelOptions o = options == null ? new PlotModelOptions() : options;
    DotGraph root = DotGraph.root(o.rankdir(), o.dpi(), o.splines());
    fill(root, model, o, o.showLayerNamesOr(true), new Ids());
    return root;
  }

  /** The model's graph with Keras' default options. */
  public static DotGraph modelToDot(Model model) {
    return modelToDot(model, null);
  }

  /**
   * Writes a picture of the model to {@code toFile} (Keras' {@code plot_model(model, to_file, ...)});
   * {@code show_layer_names} defaults to false, as in Keras. The file's extension is the format: "png" (also
   * when there is none), "svg", "jpg"/"jpeg", "gif", "bmp", "dot"/"gv" (the DOT text); any other one, such as
   * "pdf", through Graphviz's {@code dot}, which must then be on the PATH.
   */
  public static void plotModel(Model model, Path toFile, PlotModelOptions options) {
    checkBuilt(model);
    PlotModelOptions o = options == null ? new PlotModelOptions() : options;
    DotGraph dot = DotGraph.root(o.rankdir(), o.dpi(), o.splines());
    fill(dot, model, o, o.showLayerNamesOr(false), new Ids());
    try {
      ModelRenderer.write(dot, o, toFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the plot of model '" + model.name() + "' to " + toFile, e);
    }
  }

  /** Writes a picture of the model with Keras' default options. */
  public static void plotModel(Model model, Path toFile) {
    plotModel(model, toFile, null);
  }

  private static void checkBuilt(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("Expected a keras4j Model to plot. Received: null");
    }
    if (model instanceof Sequential s && !s.hasInput()) {
      throw new IllegalStateException("This model has not yet been built. Build the model first by calling "
          + "`build()` or by calling the model on a batch of data. Received: model '" + model.name() + "'");
    }
  }

  /** Numbers layers in the order met; the same layer keeps its id across nested graphs. */
  private static final class Ids {
    private final Map<Layer, String> ids = new IdentityHashMap<>();

    String of(Layer layer) {
      return ids.computeIfAbsent(layer, l -> Integer.toString(ids.size() + 1));
    }
  }

  /** True for what Keras expands: a Sequential or a Functional model (a keras4j Model with a graph). */
  private static boolean isGraphModel(Layer layer) {
    return layer instanceof Sequential || layer instanceof Model m && !m.graphNodes().isEmpty();
  }

  /** Adds {@code model}'s nodes and edges to {@code dot} (Keras' {@code model_to_dot} body). */
  private static void fill(DotGraph dot, Model model, PlotModelOptions o, boolean names, Ids ids) {
    if (!isGraphModel(model)) {
      dot.addNode(new DotGraph.DotNode(ids.of(model), LayerLabel.of(model, o, names)));
      return;
    }
    List<Layer> layers = model.layers();
    for (Layer layer : layers) {
      if (o.expandNested() && isGraphModel(layer)) {
        DotGraph cluster = DotGraph.cluster(layer.name());
        fill(cluster, (Model) layer, o, names, ids);
        dot.addSubgraph(cluster);
      } else {
        dot.addNode(new DotGraph.DotNode(ids.of(layer), LayerLabel.of(layer, o, names)));
      }
    }
    if (model instanceof Sequential) {
      if (!o.expandNested()) {
        for (int i = 0; i + 1 < layers.size(); i++) {
          dot.addEdge(ids.of(layers.get(i)), ids.of(layers.get(i + 1)));
        }
        return;
      }
      // the first layer's input is the InputLayer, not drawn for a Sequential: the edge into the model's box
      // comes from the graph around it
      layers = layers.subList(Math.min(1, layers.size()), layers.size());
    }
    Set<Node> modelNodes = Collections.newSetFromMap(new IdentityHashMap<>());
    modelNodes.addAll(model.graphNodes());
    for (Layer layer : layers) {
      for (Node node : layer.inboundNodes()) {
        if (modelNodes.contains(node)) {
          addEdges(dot, layer, node, o.expandNested(), ids);
        }
      }
    }
  }

  /** The edges into {@code node} of {@code layer}: from each input's layer, through nested models when expanded. */
  private static void addEdges(DotGraph dot, Layer layer, Node node, boolean expand, Ids ids) {
    for (int inputIndex = 0; inputIndex < node.inputs().size(); inputIndex++) {
      KerasTensor input = node.inputs().get(inputIndex);
      Layer source = (Layer) input.layer();
      int outputIndex = input.tensorIndex();
      Layer destination = layer;
      if (expand) {
        while (isGraphModel(source)) {
          // a model has no output box: point from the layer inside it that makes this output
          KerasTensor out = ((Model) source).outputs().get(outputIndex);
          source = (Layer) out.layer();
          outputIndex = out.tensorIndex();
        }
        while (isGraphModel(destination)) {
          // a Functional model's input box is its InputLayer; a Sequential's is its first layer
          destination = destination instanceof Sequential s ? s.layers().get(0)
              : (Layer) ((Model) destination).inputs().get(inputIndex).layer();
        }
      }
      dot.addEdge(ids.of(source), ids.of(destination));
    }
  }
}
