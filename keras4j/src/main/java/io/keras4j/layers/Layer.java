package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of every layer: the keyword arguments every layer takes ({@link #name(String)},
 * {@link #trainable(boolean)}, {@link #dtype(String)}, ...) and its base config, weights, build on first call, and
 * calls on symbolic or graph tensors.
 *
 * <p>Keras equivalent: {@code keras.layers.Layer}. A custom layer overrides {@link #build(Shape)}, creating its
 * weights with {@link #addWeight}, and {@link #call(Tensor, boolean)} (or {@link #call(List, boolean)} for several
 * inputs), written with {@code Backend.ops()}.
 * <pre>{@code
 * class Scale extends Layer {
 *   Variable w;
 *   protected void build(Shape s) { w = addWeight("w", Shape.of(s.get(-1)), "ones", null, null, true); }
 *   protected Tensor call(Tensor x, boolean training) { return Backend.ops().multiply(x, ops().read(w)); }
 * }
 * }</pre>
 * Porting note: Keras' {@code layer(x)} is {@link #apply(KerasTensor)} on symbolic tensors and
 * {@link #apply(Tensor, boolean)} inside another layer's call.
 */
public abstract class Layer extends LayerArguments {
  private boolean built;
  private Boolean supportsMasking;
  private List<Shape> buildShapes;
  private InputSpec inputSpec;
  private final LayerWeights tracked = new LayerWeights();
  private final List<Node> inboundNodes = new ArrayList<>();

  /** Sets the spec the inputs are checked against at each call (Keras' {@code self.input_spec = ...}). */
  protected void inputSpec(InputSpec spec) {
    this.inputSpec = spec;
  }

  /** The spec the inputs are checked against at each call, or null. */
  InputSpec inputSpec() {
    return inputSpec;
  }

  // ---- building ----

  /** Creates the weights for inputs of {@code inputShape} (batch first). Override in layers with weights. */
  protected void build(Shape inputShape) {}

  /** Creates the weights for several inputs; by default {@link #build(Shape)} of the only input. */
  protected void build(List<Shape> inputShapes) {
    if (inputShapes.size() == 1) {
      build(inputShapes.get(0));
    }
  }

  @Override
  public boolean built() {
    return built;
  }

  /** Marks this layer built with the given input shapes. */
  protected void markBuilt(List<Shape> shapes) {
    this.built = true;
    this.buildShapes = List.copyOf(shapes);
  }

  /** The input shapes the layer was built for, or null. */
  public List<Shape> buildShapes() {
    return buildShapes;
  }

  /**
   * Creates a weight (Keras' {@code add_weight}).
   *
   * @param initializer an Initializer or its name; null means "glorot_uniform" as in Keras
   * @param regularizer an added loss on the weight, or null
   * @param constraint applied after each optimizer update, or null
   */
  public Variable addWeight(String name, Shape shape, Object initializer, Object regularizer, Object constraint,
      boolean trainable) {
    return tracked.addWeight(this, name, shape, initializer, regularizer, constraint, trainable);
  }

  /**
   * Adds {@code loss} to the training loss of the step being traced, called from {@link #call} (Keras'
   * {@code self.add_loss(loss)}): a tensor of any shape, summed, then added to the compiled loss by
   * {@code computeLoss}, as a VAE adds its KL term. Porting note: Keras 2's {@code add_metric} has no Keras 3
   * equivalent; update a {@code Mean} tracker in the model's {@code trainStep} instead.
   */
  public void addLoss(Tensor loss) {
    Backend.addLoss(loss);
  }

  /** Tracks a variable made elsewhere (an imported graph's) as one of this layer's weights. */
  protected Variable trackVariable(Variable v) {
    tracked.add(v, null);
    return v;
  }

  /** Tracks a layer this one is made of, so its weights count as this layer's. */
  protected <L extends Layer> L track(L layer) {
    tracked.track(layer);
    return layer;
  }

  /** The layers this one tracks. */
  @Override
  protected List<Layer> sublayers() {
    return tracked.sublayers();
  }

  /** This layer's weights and tracked layers. */
  LayerWeights tracked() {
    return tracked;
  }

  // ---- calling ----

  /** Calls the layer on a symbolic tensor (Keras' {@code layer(x)} in the functional API). */
  public KerasTensor apply(KerasTensor input) {
    return LayerCalls.only(this, apply(List.of(input)), "use apply(List)");
  }

  /** Calls the layer on several symbolic tensors (merge layers, multi-input models). */
  public List<KerasTensor> apply(List<KerasTensor> inputs) {
    return LayerCalls.symbolic(this, inputs);
  }

  /** Calls the layer on a graph tensor, inside another layer's or a model's call. */
  public Tensor apply(Tensor input, boolean training) {
    return applyAll(List.of(input), training).get(0);
  }

  /** Calls the layer on several graph tensors. */
  public List<Tensor> applyAll(List<Tensor> inputs, boolean training) {
    return LayerCalls.graph(this, inputs, training);
  }

  /**
   * The forward computation with the masks of the inputs (Keras' {@code call(inputs, mask=...)}); {@code masks}
   * holds one entry per input, null where an input has none. By default one input goes to
   * {@link #call(Tensor, Tensor, boolean)} where a subclass overrides it, else to {@link #call(List, boolean)}
   * (ignoring the mask), which also serves layers of one input and several outputs, such as nested models.
   */
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
    if (inputs.size() == 1 && Masks.overridesMaskedCall(getClass())) {
      return List.of(call(inputs.get(0), masks.get(0), training));
    }
    return call(inputs, training); // may give several outputs (a model of one input and two outputs)
  }

  /** The forward computation of a single-input layer with its mask, null if none; by default ignores the mask. */
  protected Tensor call(Tensor input, Tensor mask, boolean training) {
    return LayerCalls.only(this, call(List.of(input), training), "override call(List, List, boolean)");
  }

  /**
   * Whether this layer propagates or computes masks (Keras' {@code supports_masking}); a layer that does not drops
   * an incoming mask. Default false, true for layers that override {@link #computeMask(Tensor, Tensor)}.
   */
  public boolean supportsMasking() {
    if (supportsMasking == null) {
      supportsMasking = Masks.overridesComputeMask(getClass());
    }
    return supportsMasking;
  }

  /** Sets whether this layer supports masking (Keras' {@code self.supports_masking = True} in a constructor). */
  protected void supportsMasking(boolean supportsMasking) {
    this.supportsMasking = supportsMasking;
  }

  /**
   * The masks of the outputs for these inputs and input masks, one per output (null entries for none), or null for
   * none at all (Keras' {@code compute_mask(inputs, previous_mask)}); by default the single-input form.
   */
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    if (inputs.size() == 1) {
      Tensor m = computeMask(inputs.get(0), masks.get(0));
      return m == null ? null : java.util.Collections.singletonList(m);
    }
    return supportsMasking() ? masks.subList(0, 1) : null;
  }

  /** The output mask of a single-input layer; by default {@code mask} itself (Keras' default compute_mask). */
  public Tensor computeMask(Tensor input, Tensor mask) {
    return mask;
  }

  /** The forward computation of a single-input layer (Keras' {@code call}). */
  protected Tensor call(Tensor input, boolean training) {
    throw new UnsupportedOperationException("Layer '" + name() + "' (" + getClass().getSimpleName()
        + ") does not implement call");
  }

  /** The forward computation on several inputs; by default {@link #call(Tensor, boolean)} of the only one. */
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("Layer '" + name() + "' expects 1 input. Received: " + inputs.size()
          + " inputs");
    }
    return List.of(call(inputs.get(0), training));
  }

  /**
   * The dtype of this layer's outputs on symbolic tensors (the dtype of Keras' {@code compute_output_spec}); by
   * default the layer's dtype. Preprocessing layers that return indices override it ("int32", "int64").
   */
  protected String outputDtype() {
    return computeDtype();
  }

  /** The output shape for an input of {@code inputShape}; by default found by tracing {@code call}. */
  public Shape computeOutputShape(Shape inputShape) {
    return computeOutputShapes(List.of(inputShape), List.of(computeDtype())).get(0);
  }

  /** The output shapes for several inputs; by default found by tracing {@code call} in a scratch graph. */
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return Backend.traceShapes(inputShapes, dtypes, ts -> call(ts, false));
  }

  /** The operations of the graph being traced. */
  protected static Ops ops() {
    return Backend.ops();
  }

  // ---- functional graph ----

  /** The nodes created by calling this layer on Keras tensors. */
  public List<Node> inboundNodes() {
    return inboundNodes;
  }

  /** The output of this layer's first call (Keras' {@code layer.output}). */
  public KerasTensor output() {
    if (inboundNodes.isEmpty()) {
      throw new IllegalStateException("The layer '" + name() + "' has never been called and thus has no defined output.");
    }
    return inboundNodes.get(0).outputs().get(0);
  }

  /** The input of this layer's first call (Keras' {@code layer.input}). */
  public KerasTensor input() {
    if (inboundNodes.isEmpty()) {
      throw new IllegalStateException("The layer '" + name() + "' has never been called and thus has no defined input.");
    }
    Node n = inboundNodes.get(0);
    return n.isInput() ? n.outputs().get(0) : n.inputs().get(0);
  }

  // ---- weights ----

  /**
   * The random generators of this layer and of the layers it tracks, whose states are saved with the model but are
   * not weights (Keras' {@code layer._seed_generators}; their states are in Keras' {@code layer.variables}, not
   * {@code layer.weights}). By default the tracked layers' ones; random layers override it with their own.
   */
  public List<io.keras4j.random.SeedGenerator> seedGenerators() {
    return tracked.seedGenerators();
  }

  /** All weights: own trainable, own non-trainable, then each tracked layer's (Keras' {@code layer.weights}). */
  public List<Variable> weights() {
    return tracked.all();
  }

  /** Weights updated by training; none when the layer is frozen (Keras' {@code trainable_weights}). */
  public List<Variable> trainableWeights() {
    return trainable() ? tracked.trainable() : new ArrayList<>();
  }

  /** Weights not updated by the optimizer (Keras' {@code non_trainable_weights}). */
  public List<Variable> nonTrainableWeights() {
    return LayerWeights.without(weights(), trainableWeights());
  }

  /**
   * The weight values with their shapes, in {@link #weights()} order (Keras' {@code get_weights}): for Dense the
   * kernel {@code (input dim, units)}, then the bias {@code (units,)}.
   */
  public List<NDArray> getWeights() {
    return LayerWeights.values(weights());
  }

  /**
   * Sets the weight values, in {@link #weights()} order (Keras' {@code set_weights}); each an {@link NDArray} or a
   * Java array of the weight's shape.
   * <pre>{@code dense.setWeights(List.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}, new float[] {0, 0}));}</pre>
   *
   * <p>Porting note: {@code List.of(kernel)} with a single {@code float[][]} is a list of its rows (Java's varargs);
   * write {@code List.of(NDArray.of(kernel))}.
   *
   * @throws IllegalArgumentException when the number of arrays or a shape differs, naming the weight
   */
  public void setWeights(List<?> values) {
    tracked.assign(this, weights(), values);
  }

  /** The number of weight values (Keras' {@code count_params}). */
  public long countParams() {
    if (!built) {
      throw new IllegalStateException("You tried to call `count_params` on layer '" + name()
          + "', but the layer isn't built. You can build it manually via: `" + name() + ".build(batch_input_shape)`.");
    }
    return LayerWeights.count(weights());
  }

  /** The weight regularization losses of this layer and its tracked layers, in the graph being traced. */
  public List<Tensor> regularizationLosses() {
    return tracked.regularizationLosses();
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name() + ", built=" + built + ">";
  }
}
