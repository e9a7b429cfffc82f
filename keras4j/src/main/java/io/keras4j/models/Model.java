package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model: a graph of layers from inputs to outputs, trained with {@code compile} and {@code fit}.
 *
 * <p>Keras equivalent: {@code keras.Model(inputs, outputs, name=None)} (the functional API). A model is a layer,
 * so it can be called on new inputs inside another model.
 * <pre>{@code
 * KerasTensor inputs = Input.of(784);
 * KerasTensor x = new Dense(64).activation("relu").apply(inputs);
 * Model model = new Model(inputs, new Dense(10).activation("softmax").apply(x));
 * model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
 * }</pre>
 * The training methods ({@code compile}, {@code fit}, {@code evaluate}, {@code predict}, the steps) are inherited
 * from {@link BaseTrainer}, as Keras' Model inherits them from its {@code Trainer}.
 */
public non-sealed class Model extends BaseTrainer {
  private List<KerasTensor> inputs = List.of();
  private List<KerasTensor> outputs = List.of();
  private List<Node> nodes = List.of();
  private List<Layer> layers = new ArrayList<>();
  private List<Layer> operations = new ArrayList<>();
  private final Map<String, Object> attributes = new java.util.LinkedHashMap<>();

  /** A model from one input to one output. */
  public Model(KerasTensor input, KerasTensor output) {
    this(List.of(input), List.of(output));
  }

  /** A model from several inputs to several outputs. */
  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    setGraph(inputs, outputs);
  }

  /** A model whose graph is set later (Sequential). */
  protected Model() {}

  @Override
  public Model name(String name) {
    super.name(name);
    return this;
  }

  /** Sets the functional graph: finds every node between {@code inputs} and {@code outputs}, in call order. */
  protected final void setGraph(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    FunctionalGraph graph = FunctionalGraph.of(inputs, outputs);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.nodes = graph.nodes();
    sublayers().clear();
    for (Layer l : graph.layers()) {
      track(l);
    }
    this.operations = graph.layers();
    this.layers = FunctionalGraph.withoutOperations(graph.layers());
    markBuilt(inputs.stream().map(KerasTensor::shape).toList());
  }

  /** The model's symbolic inputs. */
  public List<KerasTensor> inputs() {
    return inputs;
  }

  /** The model's symbolic outputs. */
  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** The layers in Keras' order, deepest first, without operation nodes (Keras' {@code model.layers}). */
  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  /**
   * The layers and the operation nodes ({@link io.keras4j.layers.Operation}, such as {@code x + 3.0}) in Keras'
   * order (Keras' {@code model.operations}, the order of a saved config's {@code layers}).
   */
  public List<Layer> operations() {
    return List.copyOf(operations);
  }

  /**
   * Puts the layers and operations in the order of {@code names}, which must name each of them: for loaders, whose
   * config lists them in Keras' order, computed by Keras over a graph that also held the operations computing
   * masks that keras4j leaves out (see {@code MaskOperations}). Names of no layer of this model are skipped.
   */
  public void orderLayers(List<String> names) {
    this.operations = FunctionalGraph.ordered(operations, names, name());
    this.layers = FunctionalGraph.withoutOperations(operations);
  }

  /** The layer named {@code name} (Keras' {@code get_layer(name)}). */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: "
        + layers.stream().map(Layer::name).toList() + ".");
  }

  /** The layer at {@code index} of {@link #layers()} (Keras' {@code get_layer(index=)}). */
  public Layer getLayer(int index) {
    List<Layer> ls = layers();
    if (index < 0 || index >= ls.size()) {
      throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + " but model only has "
          + ls.size() + " layers.");
    }
    return ls.get(index);
  }

  /** The nodes of the functional graph, in call order (for serialization). */
  public List<Node> graphNodes() {
    return nodes;
  }

  @Override
  protected List<Tensor> call(List<Tensor> in, boolean training) {
    if (isSubclassed()) {
      return super.call(in, training); // the subclass's call(Tensor, boolean)
    }
    ensureGraph(in);
    if (in.size() != inputs.size()) {
      throw new IllegalArgumentException("Model '" + name() + "' expects " + inputs.size() + " input(s), but it "
          + "received " + in.size() + " input tensors.");
    }
    return FunctionalGraph.run(nodes, inputs, outputs, in, training, name());
  }

  /** Hook for models whose graph is made from the first data seen (Sequential without an input shape). */
  protected void ensureGraph(List<Tensor> in) {}

  /**
   * Builds the model for data of {@code inputShape} (batch first), as Keras' {@code model.build}; a subclassed model
   * (no functional graph) builds its layers when its step first runs.
   */
  public void buildFor(Shape inputShape) {
    if (inputs.isEmpty() && getClass() == Model.class) {
      throw new IllegalStateException("Model '" + name() + "' has no inputs to build");
    }
    if (inputs.isEmpty() && !attributes.isEmpty() && !built()) {
      // Keras' build_from_config of a subclassed model: one symbolic call creates the layers' weights
      io.keras4j.backend.Backend.traceShapes(List.of(inputShape), List.of(dtype()), ts -> applyAll(ts, false));
      markBuilt(List.of(inputShape));
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    if (isSubclassed()) {
      return super.computeOutputShapes(inputShapes, dtypes);
    }
    return outputs.stream().map(o -> o.shape().with(0, inputShapes.get(0).get(0))).toList();
  }

  /** Saves the model as Keras 3's {@code .keras} zip, atomically (Keras' {@code model.save}). */
  public void save(java.nio.file.Path file) {
    io.keras4j.saving.formats.KerasZip.save(this, file);
  }

  /** The model's config as Keras 3's JSON (Keras' {@code model.to_json()}); read back with Models.modelFromJson. */
  public String toJson() {
    return io.keras4j.saving.formats.ModelWriter.toJson(this);
  }

  /**
   * Exports a TensorFlow SavedModel for inference (Keras' {@code model.export(path)}): signature
   * {@code serving_default} with inputs named after the input layers and outputs {@code output_0, ...}.
   */
  public void export(java.nio.file.Path dir) {
    io.keras4j.saving.formats.ModelWriter.export(this, dir);
  }

  /** Saves the weights as Keras 3's {@code .weights.h5}, atomically (Keras' {@code save_weights}). */
  public void saveWeights(java.nio.file.Path file) {
    io.keras4j.saving.formats.WeightsH5.save(this, file);
  }

  /** Loads a Keras 3 {@code .weights.h5} or legacy tf.keras {@code .h5} file (Keras' {@code load_weights}). */
  public void loadWeights(java.nio.file.Path file) {
    io.keras4j.saving.formats.WeightsH5.load(this, file, false);
  }

  /**
   * Loads weights, skipping layers whose saved shapes do not match (Keras' {@code skip_mismatch=True}); a Keras 3
   * {@code .weights.h5} file or a legacy tf.keras {@code .h5} file.
   */
  public void loadWeights(java.nio.file.Path file, boolean skipMismatch) {
    io.keras4j.saving.formats.WeightsH5.load(this, file, skipMismatch);
  }

  /** Keras' summary table: layers, output shapes, parameter counts; printed and returned. */
  public String summary() {
    String s = Summary.of(this);
    System.out.println(s);
    return s;
  }

  /**
   * False: a model hands its inputs to its layers unchanged, each layer casting to its own compute dtype (Keras:
   * Functional's {@code _convert_input_args = False}, Sequential's {@code input_dtype} of its InputLayer).
   */
  @Override
  protected boolean autocast() {
    return isSubclassed(); // a subclassed model converts as a layer does
  }

  @Override
  public Map<String, Object> getConfig() {
    if (isSubclassed()) {
      return super.getConfig(); // Keras' Model.get_config of a subclassed model: name, trainable, dtype, in order
    }
    Map<String, Object> c = new HashMap<>();
    c.put("name", name());
    c.put("trainable", trainable());
    c.put("dtype", dtypePolicy().serialize()); // Keras 3 writes the model's policy too
    return c;
  }

  // ---- subclassed models (Keras' class MyModel(keras.Model) with layers as attributes); see SubclassedModelSavingTest

  /**
   * Tracks {@code layer} as the attribute {@code attribute} of a subclassed model (Keras' {@code self.dense = Dense(4)}
   * in {@code __init__}): its weights count as the model's, it is one of {@link #layers()} in tracking order, and
   * {@code .keras} files save it under the attribute's name ({@code dense/vars/0}), as Keras' saving walk does.
   * <pre>{@code
   * class TwoLayers extends Model {
   *   final Dense dense = track("dense", new Dense(4).activation("relu"));
   *   final Dense head = track("head", new Dense(1));
   *   protected Tensor call(Tensor x, boolean training) { return head.apply(dense.apply(x, training), training); }
   * }
   * }</pre>
   * Porting note: Python tracks every attribute assignment; Java needs this call once per layer attribute.
   */
  protected <L extends Layer> L track(String attribute, L layer) {
    return trackAttribute(attribute, layer, List.of(layer));
  }

  /**
   * Tracks a list of layers as the attribute {@code attribute} (Keras' {@code self.blocks = [Dense(4), Dense(4)]}),
   * saved below {@code <attribute>/<snake_case class name>[_n]}.
   */
  protected <L extends Layer> List<L> track(String attribute, List<L> layerList) {
    return trackAttribute(attribute, List.copyOf(layerList), layerList);
  }

  private <T> T trackAttribute(String attribute, T value, List<? extends Layer> added) {
    if (attribute == null || attribute.isEmpty() || attribute.contains("/") || attribute.equals("layers")
        || attributes.containsKey(attribute)) {
      throw new IllegalArgumentException("Model '" + name() + "': cannot track an attribute named '" + attribute
          + "': expected a new, non-empty name without '/', other than 'layers'. Tracked: " + attributes.keySet());
    }
    attributes.put(attribute, value);
    for (Layer l : added) {
      if (!layers.contains(l)) {
        track(l);
        layers.add(l);
      }
    }
    return value;
  }

  /** The attributes tracked with {@link #track(String, Layer)}, in tracking order: a Layer or a List of layers each. */
  public Map<String, Object> trackedAttributes() {
    return java.util.Collections.unmodifiableMap(attributes);
  }

  /** Whether this is a subclassed model: no functional graph, its layers tracked as attributes. */
  public boolean isSubclassed() {
    return inputs.isEmpty() && !attributes.isEmpty() && !(this instanceof Sequential);
  }
}
