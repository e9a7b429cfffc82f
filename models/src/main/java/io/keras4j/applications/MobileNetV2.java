package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Add;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.ReLU;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MobileNetV2: inverted residual blocks with linear bottlenecks (Sandler et al., CVPR 2018).
 *
 * <p>Keras equivalent: {@code keras.applications.MobileNetV2(input_shape=None, alpha=1.0, include_top=True,
 * weights="imagenet", input_tensor=None, pooling=None, classes=1000, classifier_activation="softmax", name=None)}
 * (keras/src/applications/mobilenet_v2.py). Inputs are preprocessed with {@link #preprocessInput} (to [-1, 1]).
 * <pre>{@code Model base = new MobileNetV2().alpha(0.35).inputShape(96, 96, 3).includeTop(false).build();}</pre>
 */
public final class MobileNetV2 extends Application<MobileNetV2> {
  private static final Set<Integer> SIZES = Set.of(96, 128, 160, 192, 224);
  private static final Set<Double> ALPHAS = Set.of(0.35, 0.5, 0.75, 1.0, 1.3, 1.4);
  private double alpha = 1.0;

  /** The width multiplier: each layer's filters times {@code alpha}. Default: 1.0. */
  public MobileNetV2 alpha(double alpha) {
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("MobileNetV2: `alpha` must be positive. Received: alpha=" + alpha);
    }
    this.alpha = alpha;
    return this;
  }

  @Override
  public Model build() {
    validate();
    long[] shape = obtainInputShape(defaultSizeAmong(SIZES), 32);
    long rows = shape[0];
    if (imagenet()) {
      if (!ALPHAS.contains(alpha)) {
        throw new IllegalArgumentException("MobileNetV2: if imagenet weights are being loaded, alpha must be one of "
            + "`0.35`, `0.50`, `0.75`, `1.0`, `1.3` or `1.4` only; Received `alpha=" + alpha + "`");
      }
      if (rows != shape[1] || !SIZES.contains((int) rows)) {
        rows = 224;
      }
    }
    KerasTensor input = input(shape);
    KerasTensor x = new Conv2D(makeDivisible(32 * alpha, 8), 3).strides(2, 2).padding("same").useBias(false)
        .name("Conv1").apply(input);
    x = bn("bn_Conv1").apply(x);
    x = new ReLU().maxValue(6.0).name("Conv1_relu").apply(x);
    int[][] blocks = {{16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6}, {32, 1, 6}, {64, 2, 6}, {64, 1, 6},
        {64, 1, 6}, {64, 1, 6}, {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6}, {160, 1, 6},
        {320, 1, 6}};
    for (int id = 0; id < blocks.length; id++) {
      x = invertedResBlock(x, blocks[id][2], blocks[id][1], blocks[id][0], id);
    }
    int last = alpha > 1.0 ? makeDivisible(1280 * alpha, 8) : 1280;
    x = new Conv2D(last, 1).useBias(false).name("Conv_1").apply(x);
    x = bn("Conv_1_bn").apply(x);
    x = new ReLU().maxValue(6.0).name("out_relu").apply(x);
    x = includeTop() ? denseTop(x, null) : pool(x, null, null);
    String alphaText = String.format(Locale.ROOT, "%.2f", alpha);
    String file = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_" + alpha + "_" + rows
        + (includeTop() ? ".h5" : "_no_top.h5");
    return finish(input, x, "mobilenetv2_" + alphaText + "_" + (rows == Shape.UNKNOWN ? "None" : rows), WeightFile.of("mobilenet_v2", file, null));
  }

  private KerasTensor invertedResBlock(KerasTensor inputs, int expansion, int stride, int filters, int blockId) {
    long inChannels = inputs.shape().get(3);
    int pointwiseFilters = makeDivisible((int) (filters * alpha), 8);
    KerasTensor x = inputs;
    String prefix = "block_" + blockId + "_";
    if (blockId != 0) {
      x = new Conv2D((int) (expansion * inChannels), 1).padding("same").useBias(false).name(prefix + "expand")
          .apply(x);
      x = bn(prefix + "expand_BN").apply(x);
      x = new ReLU().maxValue(6.0).name(prefix + "expand_relu").apply(x);
    } else {
      prefix = "expanded_conv_";
    }
    if (stride == 2) {
      x = new ZeroPadding2D(ImagenetUtils.correctPad(x, 3)).name(prefix + "pad").apply(x);
    }
    x = new DepthwiseConv2D(3).strides(stride, stride).useBias(false).padding(stride == 1 ? "same" : "valid")
        .name(prefix + "depthwise").apply(x);
    x = bn(prefix + "depthwise_BN").apply(x);
    x = new ReLU().maxValue(6.0).name(prefix + "depthwise_relu").apply(x);
    x = new Conv2D(pointwiseFilters, 1).padding("same").useBias(false).name(prefix + "project").apply(x);
    x = bn(prefix + "project_BN").apply(x);
    if (inChannels == pointwiseFilters && stride == 1) {
      return new Add().name(prefix + "add").apply(List.of(inputs, x)).get(0);
    }
    return x;
  }

  private static BatchNormalization bn(String name) {
    return (BatchNormalization) new BatchNormalization().epsilon(1e-3).momentum(0.999).name(name);
  }

  /** {@code v} rounded to a multiple of {@code divisor}, never more than 10% below {@code v} (Keras' helper). */
  static int makeDivisible(double v, int divisor) {
    int newV = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
    return newV < 0.9 * v ? newV + divisor : newV;
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code mobilenet_v2.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
