package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.ReLU;
import io.keras4j.layers.Reshape;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.Locale;
import java.util.Set;

/**
 * MobileNet: depthwise separable convolutions (Howard et al., 2017).
 *
 * <p>Keras equivalent: {@code keras.applications.MobileNet(input_shape=None, alpha=1.0, depth_multiplier=1,
 * dropout=1e-3, include_top=True, weights="imagenet", input_tensor=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name=None)} (keras/src/applications/mobilenet.py).
 * <pre>{@code Model m = new MobileNet().alpha(0.25).inputShape(128, 128, 3).weights(null).build();}</pre>
 */
public final class MobileNet extends Application<MobileNet> {
  private static final Set<Integer> SIZES = Set.of(128, 160, 192, 224);
  private double alpha = 1.0;
  private int depthMultiplier = 1;
  private double dropout = 1e-3;

  /** The width multiplier of every layer's filters. Default: 1.0. */
  public MobileNet alpha(double alpha) {
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("MobileNet: `alpha` must be positive. Received: alpha=" + alpha);
    }
    this.alpha = alpha;
    return this;
  }

  /** The depth multiplier of the depthwise convolutions. Default: 1. */
  public MobileNet depthMultiplier(int depthMultiplier) {
    if (depthMultiplier < 1) {
      throw new IllegalArgumentException("MobileNet: `depth_multiplier` must be at least 1. Received: "
          + "depth_multiplier=" + depthMultiplier);
    }
    this.depthMultiplier = depthMultiplier;
    return this;
  }

  /** The dropout rate before the classifier. Default: 0.001. */
  public MobileNet dropout(double dropout) {
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("MobileNet: `dropout` must be in [0, 1). Received: dropout=" + dropout);
    }
    this.dropout = dropout;
    return this;
  }

  @Override
  public Model build() {
    validate();
    long[] shape = obtainInputShape(defaultSizeAmong(SIZES), 32);
    long rows = shape[0];
    if (imagenet()) {
      if (depthMultiplier != 1) {
        throw new IllegalArgumentException("MobileNet: if imagenet weights are being loaded, depth multiplier must "
            + "be 1. Received depth_multiplier=" + depthMultiplier);
      }
      if (alpha != 0.25 && alpha != 0.5 && alpha != 0.75 && alpha != 1.0) {
        throw new IllegalArgumentException("MobileNet: if imagenet weights are being loaded, alpha can be one of "
            + "`0.25`, `0.50`, `0.75` or `1.0` only. Received alpha=" + alpha);
      }
      if (rows != shape[1] || !SIZES.contains((int) rows)) {
        rows = 224;
      }
    }
    KerasTensor input = input(shape);
    KerasTensor x = new Conv2D((int) (32 * alpha), 3).padding("same").useBias(false).strides(2, 2).name("conv1")
        .apply(input);
    x = new BatchNormalization().name("conv1_bn").apply(x);
    x = new ReLU().maxValue(6.0).name("conv1_relu").apply(x);
    int[][] blocks = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1}, {512, 1},
        {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
    for (int i = 0; i < blocks.length; i++) {
      x = depthwiseConvBlock(x, blocks[i][0], blocks[i][1], i + 1);
    }
    if (includeTop()) {
      x = auto(new GlobalAveragePooling2D().keepdims(true), "global_average_pooling2d").apply(x);
      x = new Dropout(dropout).name("dropout").apply(x);
      x = new Conv2D(classes(), 1).padding("same").name("conv_preds").apply(x);
      x = new Reshape(classes()).name("reshape_2").apply(x);
      x = new Activation(activation()).name("predictions").apply(x);
    } else {
      x = pool(x, null, null);
    }
    String alphaText = alpha == 1.0 ? "1_0" : alpha == 0.75 ? "7_5" : alpha == 0.5 ? "5_0" : "2_5";
    String file = "mobilenet_" + alphaText + "_" + rows + "_tf" + (includeTop() ? ".h5" : "_no_top.h5");
    return finish(input, x, String.format(Locale.ROOT, "mobilenet_%.2f_%s", alpha, rows == Shape.UNKNOWN ? "None" : rows),
        WeightFile.of("mobilenet", file, null));
  }

  private KerasTensor depthwiseConvBlock(KerasTensor inputs, int filters, int stride, int blockId) {
    KerasTensor x = inputs;
    if (stride != 1) {
      x = new ZeroPadding2D(new int[][] {{0, 1}, {0, 1}}).name("conv_pad_" + blockId).apply(x);
    }
    x = new DepthwiseConv2D(3).padding(stride == 1 ? "same" : "valid").depthMultiplier(depthMultiplier)
        .strides(stride, stride).useBias(false).name("conv_dw_" + blockId).apply(x);
    x = new BatchNormalization().name("conv_dw_" + blockId + "_bn").apply(x);
    x = new ReLU().maxValue(6.0).name("conv_dw_" + blockId + "_relu").apply(x);
    x = new Conv2D((int) (filters * alpha), 1).padding("same").useBias(false).strides(1, 1)
        .name("conv_pw_" + blockId).apply(x);
    x = new BatchNormalization().name("conv_pw_" + blockId + "_bn").apply(x);
    return new ReLU().maxValue(6.0).name("conv_pw_" + blockId + "_relu").apply(x);
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code mobilenet.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
