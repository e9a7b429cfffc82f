package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Add;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.Multiply;
import io.keras4j.layers.Operation;
import io.keras4j.layers.ReLU;
import io.keras4j.layers.Rescaling;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;

/**
 * MobileNetV3 (Howard et al., ICCV 2019): inverted residual blocks with squeeze-and-excite and hard-swish; the
 * subclasses {@link MobileNetV3Small} and {@link MobileNetV3Large} fix the blocks. Inputs are pixels in [0, 255]:
 * the model rescales them itself (Keras' {@code include_preprocessing=True}).
 *
 * <p>Follows keras/src/applications/mobilenet_v3.py ({@code MobileNetV3}, {@code _inverted_res_block},
 * {@code _se_block}, {@code _depth}). The input may have any size of at least 32x32; it defaults to (None, None, 3).
 *
 * @param <T> the concrete network
 */
public abstract class MobileNetV3<T extends MobileNetV3<T>> extends Application<T> {
  /** Keras' {@code WEIGHTS_HASHES}: with top, without top. */
  private static final Map<String, String[]> HASHES = Map.of(
      "large_224_0.75_float", new String[] {"765b44a33ad4005b3ac83185abf1d0eb", "40af19a13ebea4e2ee0c676887f69a2e"},
      "large_224_1.0_float", new String[] {"59e551e166be033d707958cf9e29a6a7", "07fb09a5933dd0c8eaafa16978110389"},
      "large_minimalistic_224_1.0_float",
      new String[] {"675e7b876c45c57e9e63e6d90a36599c", "ec5221f64a2f6d1ef965a614bdae7973"},
      "small_224_0.75_float", new String[] {"cb65d4e5be93758266aa0a7f2c6708b7", "ebdb5cc8e0b497cd13a7c275d475c819"},
      "small_224_1.0_float", new String[] {"8768d4c2e7dee89b9d02b2d03d65d862", "d3e8ec802a04aa4fc771ee12a9a9b836"},
      "small_minimalistic_224_1.0_float",
      new String[] {"99cd97fb2fcdad2bf028eb838de69e37", "cde8136e733e811080d9fcd8a252f7e4"});
  private final String modelType;
  private final int lastPointChannels;
  private double alpha = 1.0;
  private boolean minimalistic;
  private double dropoutRate = 0.2;
  private boolean includePreprocessing = true;

  MobileNetV3(String modelType, int lastPointChannels) {
    this.modelType = modelType;
    this.lastPointChannels = lastPointChannels;
  }

  /** The width multiplier: each block's filters times {@code alpha}. Default: 1.0. */
  public T alpha(double alpha) {
    this.alpha = alpha;
    return self();
  }

  /** Whether to use the minimalistic blocks: 3x3 kernels, ReLU, no squeeze-and-excite. Default: false. */
  public T minimalistic(boolean minimalistic) {
    this.minimalistic = minimalistic;
    return self();
  }

  /** The dropout rate before the classifier. Default: 0.2. */
  public T dropoutRate(double dropoutRate) {
    this.dropoutRate = dropoutRate;
    return self();
  }

  /** Whether the model rescales its [0, 255] input to [-1, 1] itself (a Rescaling layer). Default: true. */
  public T includePreprocessing(boolean includePreprocessing) {
    this.includePreprocessing = includePreprocessing;
    return self();
  }

  /** The blocks between the first and the last convolution: {@code _inverted_res_block} calls. */
  abstract KerasTensor stack(KerasTensor x, int kernel, String activation, Double seRatio);

  @Override
  public Model build() {
    validate();
    long[] shape = requestedInputShape() == null ? new long[] {Shape.UNKNOWN, Shape.UNKNOWN, 3}
        : requestedInputShape();
    checkSizeAndAlpha(shape);
    KerasTensor input = input(shape);
    int kernel = minimalistic ? 3 : 5;
    String activation = minimalistic ? "relu" : "hard_swish";
    Double seRatio = minimalistic ? null : 0.25;
    KerasTensor x = includePreprocessing ? auto(new Rescaling(1.0 / 127.5, -1.0), "rescaling").apply(input) : input;
    x = new Conv2D(16, 3).strides(2, 2).padding("same").useBias(false).name("conv").apply(x);
    x = bn("conv_bn").apply(x);
    x = activate(x, activation);
    x = stack(x, kernel, activation, seRatio);
    int lastConv = depth(x.shape().get(3) * 6);
    int lastPoint = alpha > 1.0 ? depth(lastPointChannels * alpha) : lastPointChannels;
    x = new Conv2D(lastConv, 1).padding("same").useBias(false).name("conv_1").apply(x);
    x = bn("conv_1_bn").apply(x);
    x = activate(x, activation);
    x = includeTop() ? top(x, lastPoint, activation) : pool(x, "avg_pool", "max_pool");
    String modelName = modelType + (minimalistic ? "_minimalistic" : "") + "_224_" + alpha + "_float";
    String file = "weights_mobilenet_v3_" + modelName + (includeTop() ? ".h5" : "_no_top_v2.h5");
    String[] hashes = HASHES.get(modelName);
    return finish(input, x, defaultName(), WeightFile.of("mobilenet_v3", file,
        hashes == null ? null : hashes[includeTop() ? 0 : 1]));
  }

  /** Keras' default model name: "MobileNetV3Small" or "MobileNetV3Large". */
  private String defaultName() {
    return getClass().getSimpleName();
  }

  private void checkSizeAndAlpha(long[] shape) {
    String owner = getClass().getSimpleName();
    if (shape[0] != Shape.UNKNOWN && shape[1] != Shape.UNKNOWN && (shape[0] < 32 || shape[1] < 32)) {
      throw new IllegalArgumentException(owner + ": input size must be at least 32x32; Received `input_shape="
          + Shape.of(shape) + "`");
    }
    if (imagenet() && (minimalistic ? alpha != 1.0 : alpha != 0.75 && alpha != 1.0)) {
      throw new IllegalArgumentException(owner + ": if imagenet weights are being loaded, alpha can be one of "
          + "`0.75`, `1.0` for non minimalistic or `1.0` for minimalistic only. Received: alpha=" + alpha);
    }
  }

  /** The classifier: pooling kept 4-D, a 1x1 convolution, dropout, 1x1 "logits", flatten, "predictions". */
  private KerasTensor top(KerasTensor x, int lastPoint, String activation) {
    x = auto(new GlobalAveragePooling2D().keepdims(true), "global_average_pooling2d").apply(x);
    x = new Conv2D(lastPoint, 1).padding("same").name("conv_2").apply(x);
    x = activate(x, activation);
    if (dropoutRate > 0) {
      x = auto(new Dropout(dropoutRate), "dropout").apply(x);
    }
    x = new Conv2D(classes(), 1).padding("same").name("logits").apply(x);
    x = auto(new Flatten(), "flatten").apply(x);
    return new Activation(activation()).name("predictions").apply(x);
  }

  /** The width of {@code filters} times alpha, rounded as Keras' {@code _depth} rounds it. */
  int scaled(int filters) {
    return depth(filters * alpha);
  }

  /** Keras' {@code _depth}: {@code v} rounded to a multiple of 8, at least 8 and at least 90% of {@code v}. */
  static int depth(double v) {
    return MobileNetV2.makeDivisible(v, 8);
  }

  private static BatchNormalization bn(String name) {
    return new BatchNormalization().epsilon(1e-3).momentum(0.999).name(name);
  }

  /** Keras' {@code relu} (an auto-named ReLU layer) or {@code hard_swish} (an auto-named Activation layer). */
  private KerasTensor activate(KerasTensor x, String activation) {
    return activation.equals("relu") ? auto(new ReLU(), "re_lu").apply(x)
        : auto(new Activation("hard_swish"), "activation").apply(x);
  }

  /** Keras' {@code hard_sigmoid}: {@code ReLU(6)(x + 3) * (1 / 6)}, the arithmetic as operations. */
  private KerasTensor hardSigmoid(KerasTensor x) {
    KerasTensor shifted = Operation.call("Add", x, 3.0);
    return Operation.call("Multiply", auto(new ReLU().maxValue(6.0), "re_lu").apply(shifted), 1.0 / 6.0);
  }

  /** Keras' {@code _inverted_res_block}: expansion, depthwise convolution, squeeze-and-excite, projection. */
  KerasTensor block(KerasTensor x, double expansion, int filters, int kernel, int stride, Double seRatio,
      String activation, int blockId) {
    KerasTensor shortcut = x;
    long in = x.shape().get(3);
    String prefix = blockId == 0 ? "expanded_conv_" : "expanded_conv_" + blockId + "_";
    if (blockId != 0) {
      x = new Conv2D(depth(in * expansion), 1).padding("same").useBias(false).name(prefix + "expand").apply(x);
      x = bn(prefix + "expand_bn").apply(x);
      x = activate(x, activation);
    }
    if (stride == 2) {
      x = new ZeroPadding2D(ImagenetUtils.correctPad(x, kernel)).name(prefix + "depthwise_pad").apply(x);
    }
    x = new DepthwiseConv2D(kernel).strides(stride, stride).padding(stride == 1 ? "same" : "valid").useBias(false)
        .name(prefix + "depthwise").apply(x);
    x = bn(prefix + "depthwise_bn").apply(x);
    x = activate(x, activation);
    if (seRatio != null) {
      x = squeezeExcite(x, depth(in * expansion), seRatio, prefix);
    }
    x = new Conv2D(filters, 1).padding("same").useBias(false).name(prefix + "project").apply(x);
    x = bn(prefix + "project_bn").apply(x);
    if (stride == 1 && in == filters) {
      x = new Add().name(prefix + "add").apply(List.of(shortcut, x)).get(0);
    }
    return x;
  }

  /** Keras' {@code _se_block}: channel weights from pooled features, hard-sigmoid gated. */
  private KerasTensor squeezeExcite(KerasTensor inputs, int filters, double seRatio, String prefix) {
    KerasTensor x = new GlobalAveragePooling2D().keepdims(true).name(prefix + "squeeze_excite_avg_pool")
        .apply(inputs);
    x = new Conv2D(depth(filters * seRatio), 1).padding("same").name(prefix + "squeeze_excite_conv").apply(x);
    x = new ReLU().name(prefix + "squeeze_excite_relu").apply(x);
    x = new Conv2D(filters, 1).padding("same").name(prefix + "squeeze_excite_conv_1").apply(x);
    x = hardSigmoid(x);
    return new Multiply().name(prefix + "squeeze_excite_mul").apply(List.of(inputs, x)).get(0);
  }

  /** Returns {@code x} unchanged: Keras' {@code mobilenet_v3.preprocess_input}, kept for compatibility. */
  public static NDArray preprocessInput(NDArray x) {
    return x;
  }
}
