package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.dtypepolicies.DTypePolicies;
import io.keras4j.dtypepolicies.DTypePolicy;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import io.keras4j.utils.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of every layer: weights, build on first call, and calls on symbolic or graph tensors.
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
public abstract class Layer implements io.keras4j.saving.KerasSerializable {
  private String name;
  private boolean trainable = true;
  private DTypePolicy dtypePolicy = DTypePolicies.dtypePolicy(); // Keras: the global policy at construction
  private Shape inputShapeArg;
  private Integer batchSizeArg;
  private boolean built;
  private Boolean supportsMasking;
  private List<Shape> buildShapes;
  private InputSpec inputSpec;
  private Regularizer activityRegularizer;
  private final LayerWeights tracked = new LayerWeights();
  private final List<Node> inboundNodes = new ArrayList<>();

  // ---- configuration ----

  /** The layer's name; Keras' automatic one (dense, dense_1, ...) unless set. */
  public String name() {
    if (name == null) {
      name = Backend.uniqueName(Names.toSnakeCase(getClass().getSimpleName()));
    }
    return name;
  }

  /** Sets the name (Keras' {@code name=}). Default: the snake-case class name made unique. */
  public Layer name(String name) {
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("Argument `name` must be a non-empty string without '/'. Received: name="
          + name);
    }
    this.name = name;
    return this;
  }

  public boolean trainable() {
    return trainable;
  }

  /**
   * Sets whether the weights are updated by training (Keras' {@code trainable=}; default true; takes effect at the next
   * compile), for this layer and every layer it tracks, as Keras' setter does: a frozen model's BatchNormalization
   * layers then run in inference mode.
   */
  public Layer trainable(boolean trainable) {
    this.trainable = trainable;
    for (Layer l : tracked.sublayers()) {
      l.trainable(trainable);
    }
    return this;
  }

  /** The dtype of this layer's weights (Keras' {@code layer.dtype}, the policy's variable dtype). */
  public String dtype() {
    return dtypePolicy.variableDtype();
  }

  /** The layer's dtype policy (Keras' {@code layer.dtype_policy}). */
  public DTypePolicy dtypePolicy() {
    return dtypePolicy;
  }

  /** The dtype this layer computes in and returns (Keras' {@code layer.compute_dtype}). */
  public String computeDtype() {
    return dtypePolicy.computeDtype();
  }

  /** The dtype of this layer's weights (Keras' {@code layer.variable_dtype}). */
  public String variableDtype() {
    return dtypePolicy.variableDtype();
  }

  /**
   * Sets the dtype policy by name (Keras' {@code dtype=}): "float32", "mixed_bfloat16" or "mixed_float16".
   * Default: the global policy when the layer was made ({@code DTypePolicies.dtypePolicy()}, "float32" unless set).
   */
  public Layer dtype(String dtype) {
    try {
      return dtype(DTypePolicies.get(dtype));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Layer '" + name() + "': " + e.getMessage(), e);
    }
  }

  /** Sets the dtype policy (Keras' {@code dtype=DTypePolicy(...)}). Default: the global policy. */
  public Layer dtype(DTypePolicy policy) {
    checkNotBuilt("dtype");
    this.dtypePolicy = require(policy, "dtype");
    for (Layer l : dtypeFollowers()) {
      l.dtype(policy);
    }
    return this;
  }

  /**
   * The layers inside this one made with its dtype policy, which follow it when it is set (an RNN's cell); none by
   * default.
   */
  protected List<Layer> dtypeFollowers() {
    return List.of();
  }

  /**
   * Replaces the dtype policy, also of a built layer (Keras' {@code layer.dtype_policy = policy}); a policy object
   * or name. Used for a model's own policy when a file is read.
   */
  public void dtypePolicy(Object policy) {
    this.dtypePolicy = DTypePolicies.get(require(policy, "dtype_policy"));
    for (Layer l : dtypeFollowers()) {
      l.dtypePolicy(this.dtypePolicy);
    }
  }

  /**
   * Whether floating inputs are cast to the compute dtype before {@code call} (Keras' {@code self.autocast}).
   * Default true; LayerNormalization says false.
   */
  protected boolean autocast() {
    return true;
  }

  public Layer inputShape(int... shape) {
    for (int d : shape) {
      if (d <= 0 && d != -1) {
        throw new IllegalArgumentException("Layer '" + name() + "': input_shape dimensions must be positive or -1 "
            + "(None). Received: input_shape=" + java.util.Arrays.toString(shape));
      }
    }
    this.inputShapeArg = Shape.of(shape);
    return this;
  }

  /** Sets a rank-1 input shape {@code (inputDim,)} (Keras 2's {@code input_dim=}). */
  public Layer inputDim(int inputDim) {
    return inputShape(inputDim);
  }

  /** Sets the fixed batch size of the model's input (Keras' {@code batch_size=}). Default: any. */
  public Layer batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': batch_size must be positive. Received: " + batchSize);
    }
    this.batchSizeArg = batchSize;
    return this;
  }

  /** The input shape given with {@link #inputShape}, batch included, or null. */
  public Shape declaredInputShape() {
    if (inputShapeArg == null) {
      return null;
    }
    return inputShapeArg.withBatch(batchSizeArg == null ? Shape.UNKNOWN : batchSizeArg);
  }

  /** Sets a regularizer on this layer's outputs (Keras' {@code activity_regularizer=}). Default none. */
  public Layer activityRegularizer(Regularizer regularizer) {
    this.activityRegularizer = regularizer;
    return this;
  }

  /** Sets a regularizer on this layer's outputs by name ("l1", "l2", "l1_l2"). Default none. */
  public Layer activityRegularizer(String regularizer) {
    return activityRegularizer(Regularizer.get(regularizer));
  }

  protected void inputSpec(InputSpec spec) {
    this.inputSpec = spec;
  }

  /** The spec the inputs are checked against at each call, or null. */
  InputSpec inputSpec() {
    return inputSpec;
  }

  /** {@code value}, or an IllegalArgumentException naming this layer and {@code argument} when it is null. */
  protected final <V> V require(V value, String argument) {
    if (value == null) {
      throw new IllegalArgumentException("Layer '" + name() + "': argument `" + argument + "` must not be null");
    }
    return value;
  }

  /** Checks that the configuration can still change. */
  protected void checkNotBuilt(String argument) {
    if (built) {
      throw new IllegalStateException("Layer '" + name() + "' is already built; " + argument
          + " can no longer change");
    }
  }

  /** The regularizer on this layer's outputs, or null. */
  public Regularizer activityRegularizer() {
    return activityRegularizer;
  }

  /** Keras' module, {@code "keras.layers"}. */
  @Override
  public String kerasModule() {
    return "keras.layers";
  }

  /**
   * Keras' config: the constructor's keyword arguments, in snake_case. The base keys are {@code name},
   * {@code trainable}, {@code dtype} and, when set, {@code activity_regularizer}; a subclass adds its own and
   * reads them all back in its static {@code fromConfig(Map)}.
   */
  @Override
  public Map<String, Object> getConfig() {
    return LayerConfigs.base(this);
  }

  /**
   * Applies the base keys of a layer config to {@code layer}: {@code name}, {@code trainable}, {@code dtype},
   * {@code activity_regularizer} and the input shape ({@code batch_shape}, or Keras 2's {@code batch_input_shape}).
   * Each layer's {@code fromConfig} ends with it.
   */
  protected static <L extends Layer> L withBaseConfig(L layer, Config c) {
    return LayerConfigs.apply(layer, c);
  }

  /** Keras' serialized form of an initializer, regularizer or constraint, for configs. */
  protected static Object ser(Object o) {
    return io.keras4j.saving.KerasObjects.serialize(o);
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
    return trainable ? tracked.trainable() : new ArrayList<>();
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
