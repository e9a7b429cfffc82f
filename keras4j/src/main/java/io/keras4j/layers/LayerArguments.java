package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Shape;
import io.keras4j.dtypepolicies.DTypePolicies;
import io.keras4j.dtypepolicies.DTypePolicy;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import io.keras4j.utils.Names;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments every layer takes, and the config that records them: {@link Layer}'s first half, kept apart
 * so that each file stays small. Package-private: its public methods are {@link Layer}'s, and a layer is used and
 * extended only as a {@link Layer} (or a {@link BaseLayer}).
 *
 * <p>Keras equivalent: the arguments of {@code keras.layers.Layer.__init__} ({@code name}, {@code trainable},
 * {@code dtype}, {@code input_shape}, {@code batch_size}, {@code activity_regularizer}) and the base of
 * {@code Layer.get_config}.
 */
abstract class LayerArguments implements io.keras4j.saving.KerasSerializable {
  private String name;
  private boolean trainable = true;
  private DTypePolicy dtypePolicy = DTypePolicies.dtypePolicy(); // Keras: the global policy at construction
  private Shape inputShapeArg;
  private Integer batchSizeArg;
  private Regularizer activityRegularizer;

  /** Whether the layer has been built (its weights made); set once, by {@link Layer}. */
  public abstract boolean built();

  /** The layers this one tracks, which follow its {@code trainable} setting. */
  protected abstract List<Layer> sublayers();

  private Layer layer() {
    return (Layer) this;
  }

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
    return layer();
  }

  /** Whether training updates the weights (Keras' {@code layer.trainable}). */
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
    for (Layer l : sublayers()) {
      l.trainable(trainable);
    }
    return layer();
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
    return layer();
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

  /**
   * Sets the input shape, batch excluded (Keras' {@code input_shape=} on a model's first layer); -1 for an axis of
   * any size. Default: none (the shape comes from the model's input).
   */
  public Layer inputShape(int... shape) {
    for (int d : shape) {
      if (d <= 0 && d != -1) {
        throw new IllegalArgumentException("Layer '" + name() + "': input_shape dimensions must be positive or -1 "
            + "(None). Received: input_shape=" + java.util.Arrays.toString(shape));
      }
    }
    this.inputShapeArg = Shape.of(shape);
    return layer();
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
    return layer();
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
    return layer();
  }

  /** Sets a regularizer on this layer's outputs by name ("l1", "l2", "l1_l2"). Default none. */
  public Layer activityRegularizer(String regularizer) {
    return activityRegularizer(Regularizer.get(regularizer));
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
    if (built()) {
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
    return LayerConfigs.base(layer());
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
}
