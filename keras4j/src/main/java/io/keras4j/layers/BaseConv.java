package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.initializers.Zeros;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every convolution layer: the keyword arguments they all share (geometry, activation, bias) and the
 * settings of their kernels.
 *
 * <p>Keras equivalent: the arguments that {@code keras.src.layers.convolutional.base_conv.BaseConv},
 * {@code BaseConvTranspose}, {@code BaseDepthwiseConv} and {@code BaseSeparableConv} have in common:
 * {@code kernel_size, strides=1, padding="valid", data_format=None, dilation_rate=1, activation=None,
 * use_bias=True, bias_initializer="zeros", bias_regularizer=None, activity_regularizer=None, bias_constraint=None}.
 * <pre>{@code new Conv2D(16, 3).inputShape(28, 28, 1).strides(2).padding("same").activation("relu")}</pre>
 * Porting note: Keras repeats these arguments in each base class; keras4j declares them once, returning the
 * concrete class. A kernel's initializer, regularizer and constraint are kept under Keras' prefix ("kernel",
 * "depthwise", "pointwise"), so that one {@link #getConfig} and one {@link #applyConfig} write and read
 * {@code <prefix>_initializer}, {@code <prefix>_regularizer} and {@code <prefix>_constraint} for every family.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseConv<T extends BaseConv<T>> extends BaseLayer<T> {
  /** Keras' order of the leading config keys (the kernels' and bias' keys follow {@code use_bias}). */
  private static final List<String> KEY_ORDER = List.of("depth_multiplier", "filters", "kernel_size", "strides",
      "padding", "output_padding", "data_format", "dilation_rate", "groups", "activation", "use_bias");

  /** One kernel's initializer, regularizer and constraint. */
  private static final class KernelSettings {
    Initializer initializer = Initializers.get("glorot_uniform");
    Regularizer regularizer;
    Constraint constraint;
  }

  private final int rank;
  private final int[] kernelSize;
  private final Map<String, KernelSettings> kernels = new LinkedHashMap<>();
  private int[] strides;
  private String padding = "valid";
  private int[] dilationRate;
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer biasInitializer = new Zeros();
  private Regularizer biasRegularizer;
  private Constraint biasConstraint;
  private Variable bias;

  /** A convolution over {@code rank} spatial axes whose kernels carry Keras' prefixes {@code kernelNames}. */
  protected BaseConv(int rank, int[] kernelSize, String... kernelNames) {
    this.rank = rank;
    this.kernelSize = ConvUtils.tuple(name(), "kernel_size", rank, kernelSize);
    this.strides = ConvUtils.repeat(1, rank);
    this.dilationRate = ConvUtils.repeat(1, rank);
    for (String k : kernelNames) {
      kernels.put(k, new KernelSettings());
    }
  }

  /** Sets the strides, one int for every axis or one per axis (Keras' {@code strides=}). Default 1. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = ConvUtils.tuple(name(), "strides", rank, strides);
    return self();
  }

  /** Sets "valid" or "same" ("causal" too for Conv1D) (Keras' {@code padding=}). Default "valid". */
  public T padding(String padding) {
    checkNotBuilt("padding");
    this.padding = ConvUtils.padding(name(), padding, allowsCausalPadding());
    return self();
  }

  /** Sets the data format; keras4j is channels-last only (Keras' {@code data_format=}). Default "channels_last". */
  public T dataFormat(String dataFormat) {
    DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  /** Sets the dilation rate, one int for every axis or one per axis (Keras' {@code dilation_rate=}). Default 1. */
  public T dilationRate(int... dilationRate) {
    checkNotBuilt("dilation_rate");
    this.dilationRate = ConvUtils.tuple(name(), "dilation_rate", rank, dilationRate);
    return self();
  }

  /** Sets the activation by Keras name, such as "relu" (Keras' {@code activation=}). Default "linear". */
  public T activation(String activation) {
    return activation(Activations.get(activation));
  }

  /** Sets the activation function (Keras' {@code activation=}). Default linear. */
  public T activation(ActivationFunction activation) {
    checkNotBuilt("activation");
    this.activation = Activations.get(activation);
    return self();
  }

  /** Sets whether a bias is added (Keras' {@code use_bias=}). Default true. */
  public T useBias(boolean useBias) {
    checkNotBuilt("use_bias");
    this.useBias = useBias;
    return self();
  }

  /** Sets the bias' initializer (Keras' {@code bias_initializer=}). Default {@code Zeros}. */
  public T biasInitializer(Initializer initializer) {
    checkNotBuilt("bias_initializer");
    this.biasInitializer = require(initializer, "bias_initializer");
    return self();
  }

  /** Sets the bias' initializer by name, such as "ones". Default "zeros". */
  public T biasInitializer(String initializer) {
    return biasInitializer(Initializers.get(initializer));
  }

  /** Sets the bias' regularizer (Keras' {@code bias_regularizer=}); null for none. Default none. */
  public T biasRegularizer(Regularizer regularizer) {
    checkNotBuilt("bias_regularizer");
    this.biasRegularizer = regularizer;
    return self();
  }

  /** Sets the bias' regularizer by name ("l1", "l2", "l1_l2"). Default none. */
  public T biasRegularizer(String regularizer) {
    return biasRegularizer(Regularizer.get(regularizer));
  }

  /** Sets the bias' constraint (Keras' {@code bias_constraint=}); null for none. Default none. */
  public T biasConstraint(Constraint constraint) {
    checkNotBuilt("bias_constraint");
    this.biasConstraint = constraint;
    return self();
  }

  /** Sets the bias' constraint by name ("max_norm", "non_neg", "unit_norm", "min_max_norm"). Default none. */
  public T biasConstraint(String constraint) {
    return biasConstraint(Constraint.get(constraint));
  }

  /** Sets the initializer of the kernel with Keras prefix {@code kernel}, for a subclass' named setter. */
  protected T setInitializer(String kernel, Initializer initializer) {
    checkNotBuilt(kernel + "_initializer");
    kernels.get(kernel).initializer = require(initializer, kernel + "_initializer");
    return self();
  }

  /** Sets the regularizer (null for none) of the kernel with Keras prefix {@code kernel}. */
  protected T setRegularizer(String kernel, Regularizer regularizer) {
    checkNotBuilt(kernel + "_regularizer");
    kernels.get(kernel).regularizer = regularizer;
    return self();
  }

  /** Sets the constraint (null for none) of the kernel with Keras prefix {@code kernel}. */
  protected T setConstraint(String kernel, Constraint constraint) {
    checkNotBuilt(kernel + "_constraint");
    kernels.get(kernel).constraint = constraint;
    return self();
  }

  /** Whether "causal" padding is allowed; Keras allows it for 1-D convolutions. */
  protected boolean allowsCausalPadding() {
    return false;
  }

  /** The number of spatial axes. */
  protected final int rank() {
    return rank;
  }

  /** The kernel size per spatial axis (not a copy). */
  protected final int[] kernelSize() {
    return kernelSize;
  }

  /** The strides per spatial axis (not a copy). */
  protected final int[] stridesValue() {
    return strides;
  }

  /** "valid", "same" or "causal". */
  protected final String paddingValue() {
    return padding;
  }

  /** The dilation rate per spatial axis (not a copy). */
  protected final int[] dilationRateValue() {
    return dilationRate;
  }

  /** Checks that {@code inputShape} has rank + 2 axes and known channels; returns the channel count. */
  protected final long checkInput(Shape inputShape) {
    if (inputShape.rank() != rank + 2) {
      throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
          + "expected ndim=" + (rank + 2) + ", found ndim=" + inputShape.rank() + ". Full shape received: "
          + inputShape);
    }
    long in = inputShape.get(-1);
    if (in < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': the number of input channels must be known. "
          + "Received: input_shape=" + inputShape);
    }
    return in;
  }

  /** Refuses strides above 1 on an axis with a dilation rate above 1, as Keras does. */
  protected final void checkStridesWithDilation() {
    for (int i = 0; i < rank; i++) {
      if (strides[i] > 1 && dilationRate[i] > 1) {
        throw new IllegalArgumentException("Layer '" + name() + "': strides > 1 not supported in conjunction with "
            + "dilation_rate > 1. Received: strides=" + Arrays.toString(strides) + " and dilation_rate="
            + Arrays.toString(dilationRate));
      }
    }
  }

  /** Adds the weight {@code weightName} of {@code shape} with the settings of kernel {@code kernel}. */
  protected final Variable addKernel(String kernel, String weightName, Shape shape) {
    KernelSettings k = kernels.get(kernel);
    return addWeight(weightName, shape, k.initializer, k.regularizer, k.constraint, true);
  }

  /** Adds the bias of {@code units} values when {@code use_bias} is set. */
  protected final void addBias(long units) {
    if (useBias) {
      bias = addWeight("bias", Shape.of(units), biasInitializer, biasRegularizer, biasConstraint, true);
    }
  }

  /** {@code y} plus the bias, through the activation. */
  protected final Tensor biasAndActivation(Ops ops, Tensor y) {
    return activation.apply(bias == null ? y : ops.add(y, ops.read(bias)));
  }

  /** The bias, or null before building or without bias. */
  public Variable bias() {
    return bias;
  }

  /** The output shape's spatial lengths of a convolution window over {@code s} (batch and channels excluded). */
  protected final long[] outputSpatial(Shape s, String windowPadding) {
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = ConvUtils.outputLength(s.get(i + 1), kernelSize[i], windowPadding, strides[i], dilationRate[i]);
    }
    return out;
  }

  /** Adds this family's own keys ({@code filters}, {@code groups}, {@code depth_multiplier}...) to a config. */
  protected abstract void addOwnConfig(Map<String, Object> config);

  /**
   * Keras' config: the base keys, the shared geometry and activation keys, the family's own keys, then for each
   * kernel and the bias the initializers, regularizers ({@code activity_regularizer} always, null when unset) and
   * constraints, in Keras' order.
   */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> own = new LinkedHashMap<>();
    own.put("kernel_size", ConvUtils.list(kernelSize));
    own.put("strides", ConvUtils.list(strides));
    own.put("padding", padding);
    own.put("data_format", "channels_last");
    own.put("dilation_rate", ConvUtils.list(dilationRate));
    own.put("activation", activation.name());
    own.put("use_bias", useBias);
    addOwnConfig(own);
    Map<String, Object> c = super.getConfig();
    c.remove("activity_regularizer");
    for (String key : KEY_ORDER) {
      if (own.containsKey(key)) {
        c.put(key, own.remove(key));
      }
    }
    c.putAll(own);
    kernels.forEach((k, s) -> c.put(k + "_initializer", ser(s.initializer)));
    c.put("bias_initializer", ser(biasInitializer));
    kernels.forEach((k, s) -> c.put(k + "_regularizer", ser(s.regularizer)));
    c.put("bias_regularizer", ser(biasRegularizer));
    c.put("activity_regularizer", ser(activityRegularizer()));
    kernels.forEach((k, s) -> c.put(k + "_constraint", ser(s.constraint)));
    c.put("bias_constraint", ser(biasConstraint));
    return c;
  }

  /**
   * Applies the keys {@link #getConfig} writes (except those the constructor took) to this layer and returns it;
   * a concrete class' {@code fromConfig} calls it on a new layer, and a family overrides it to read its own keys
   * first. Absent keys keep Keras' defaults.
   */
  protected T applyConfig(Config c) {
    strides(c.ints("strides", new int[] {1}));
    padding(c.string("padding", "valid"));
    dataFormat(c.string("data_format", "channels_last"));
    dilationRate(c.ints("dilation_rate", new int[] {1}));
    activation(c.identifier("activation", "linear"));
    useBias(c.bool("use_bias", true));
    for (String k : kernels.keySet()) {
      if (c.has(k + "_initializer")) {
        setInitializer(k, Initializers.get(c.get(k + "_initializer")));
      }
      setRegularizer(k, Regularizer.get(c.get(k + "_regularizer")));
      setConstraint(k, Constraint.get(c.get(k + "_constraint")));
    }
    if (c.has("bias_initializer")) {
      biasInitializer(Initializers.get(c.get("bias_initializer")));
    }
    biasRegularizer(Regularizer.get(c.get("bias_regularizer")));
    biasConstraint(Constraint.get(c.get("bias_constraint")));
    return withBaseConfig(self(), c);
  }
}
