package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Add;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.Multiply;
import io.keras4j.layers.Normalization;
import io.keras4j.layers.Rescaling;
import io.keras4j.layers.Reshape;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;

/**
 * EfficientNet B0-B7 (Tan and Le, ICML 2019): MBConv blocks scaled in width, depth and resolution; the subclasses
 * fix the coefficients. Inputs are pixels in [0, 255]: the model rescales and normalizes them itself.
 *
 * <p>Follows keras/src/applications/efficientnet.py ({@code EfficientNet}, {@code block},
 * {@code DEFAULT_BLOCKS_ARGS}); the input is at least 32x32.
 *
 * @param <T> the concrete network
 */
public abstract class EfficientNet<T extends EfficientNet<T>> extends Application<T> {
  /** Keras' {@code WEIGHTS_HASHES}, B0 to B7: with top, without top. */
  private static final String[][] HASHES = {
      {"902e53a9f72be733fc0bcb005b3ebbac", "50bc09e76180e00e4465e1a485ddc09d"},
      {"1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432"},
      {"b15cce36ff4dcbd00b6dd88e7857a6ad", "111f8e2ac8aa800a7a99e3239f7bfb39"},
      {"ffd1fdc53d0ce67064dc6a9c7960ede0", "af6d107764bb5b1abb91932881670226"},
      {"18c95ad55216b8f92d7e70b3a046e2fc", "ebc24e6d6c33eaebbd558eafbeedf1ba"},
      {"ace28f2a6363774853a83a0b21b9421a", "38879255a25d3c92d5e44e04ae6cec6f"},
      {"165f6e37dce68623721b423839de8be5", "9ecce42647a20130c1f39a5d4cb75743"},
      {"8c03f828fec3ef71311cd463b6759d99", "cbcfe4450ddf6f3ad90b1b398090fe4a"}};
  /** Keras' {@code DEFAULT_BLOCKS_ARGS}: kernel, repeats, filters in, filters out, expand ratio, strides. */
  private static final int[][] BLOCKS = {{3, 1, 32, 16, 1, 1}, {3, 2, 16, 24, 6, 2}, {5, 2, 24, 40, 6, 2},
      {3, 3, 40, 80, 6, 2}, {5, 3, 80, 112, 6, 1}, {5, 4, 112, 192, 6, 2}, {3, 1, 192, 320, 6, 1}};
  private static final double[] IMAGENET_STDDEV_RGB = {0.229, 0.224, 0.225};
  private static final double SE_RATIO = 0.25;
  private static final double DROP_CONNECT_RATE = 0.2;
  private final int variant;
  private final double width;
  private final double depth;
  private final int defaultSize;
  private final double dropoutRate;

  EfficientNet(int variant, double width, double depth, int defaultSize, double dropoutRate) {
    this.variant = variant;
    this.width = width;
    this.depth = depth;
    this.defaultSize = defaultSize;
    this.dropoutRate = dropoutRate;
  }

  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(defaultSize, 32));
    KerasTensor x = auto(new Rescaling(1.0 / 255.0), "rescaling").apply(input);
    x = auto(new Normalization().axis(3), "normalization").apply(x);
    if (imagenet()) {
      double[] scale = new double[3];
      for (int c = 0; c < 3; c++) {
        scale[c] = 1.0 / Math.sqrt(IMAGENET_STDDEV_RGB[c]);
      }
      x = auto(new Rescaling(scale), "rescaling").apply(x);
    }
    x = new ZeroPadding2D(ImagenetUtils.correctPad(x, 3)).name("stem_conv_pad").apply(x);
    x = new Conv2D(roundFilters(32), 3).strides(2, 2).padding("valid").useBias(false).name("stem_conv").apply(x);
    x = new BatchNormalization().name("stem_bn").apply(x);
    x = new Activation("swish").name("stem_activation").apply(x);
    x = blocks(x);
    x = new Conv2D(roundFilters(1280), 1).padding("same").useBias(false).name("top_conv").apply(x);
    x = new BatchNormalization().name("top_bn").apply(x);
    x = new Activation("swish").name("top_activation").apply(x);
    x = includeTop() ? top(x) : pool(x, "avg_pool", "max_pool");
    String name = "efficientnetb" + variant;
    String file = nameOr(name) + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, name, new WeightFile(file, "https://storage.googleapis.com/keras-applications/" + file,
        HASHES[variant][includeTop() ? 0 : 1]));
  }

  /** The MBConv blocks, named block1a, block1b, ...; the drop-connect rate grows linearly over them. */
  private KerasTensor blocks(KerasTensor x) {
    int total = 0;
    for (int[] args : BLOCKS) {
      total += roundRepeats(args[1]);
    }
    int b = 0;
    for (int i = 0; i < BLOCKS.length; i++) {
      int[] args = BLOCKS[i];
      int in = roundFilters(args[2]);
      int out = roundFilters(args[3]);
      for (int j = 0; j < roundRepeats(args[1]); j++) {
        String name = "block" + (i + 1) + (char) ('a' + j) + "_";
        x = block(x, DROP_CONNECT_RATE * b / total, name, j == 0 ? in : out, out, args[0], j == 0 ? args[5] : 1,
            args[4]);
        b++;
      }
    }
    return x;
  }

  /** Keras' {@code block}: an inverted residual block with squeeze-and-excite. */
  private static KerasTensor block(KerasTensor inputs, double dropRate, String name, int filtersIn, int filtersOut,
      int kernel, int strides, int expandRatio) {
    int filters = filtersIn * expandRatio;
    KerasTensor x = inputs;
    if (expandRatio != 1) {
      x = new Conv2D(filters, 1).padding("same").useBias(false).name(name + "expand_conv").apply(x);
      x = new BatchNormalization().name(name + "expand_bn").apply(x);
      x = new Activation("swish").name(name + "expand_activation").apply(x);
    }
    if (strides == 2) {
      x = new ZeroPadding2D(ImagenetUtils.correctPad(x, kernel)).name(name + "dwconv_pad").apply(x);
    }
    x = new DepthwiseConv2D(kernel).strides(strides, strides).padding(strides == 2 ? "valid" : "same").useBias(false)
        .name(name + "dwconv").apply(x);
    x = new BatchNormalization().name(name + "bn").apply(x);
    x = new Activation("swish").name(name + "activation").apply(x);
    x = squeezeExcite(x, name, filters, Math.max(1, (int) (filtersIn * SE_RATIO)));
    x = new Conv2D(filtersOut, 1).padding("same").useBias(false).name(name + "project_conv").apply(x);
    x = new BatchNormalization().name(name + "project_bn").apply(x);
    if (strides == 1 && filtersIn == filtersOut) {
      x = residual(x, inputs, dropRate, name);
    }
    return x;
  }

  /** The block's skip connection: per-sample dropout of the block's output (Keras' {@code name + "drop"}), then add. */
  static KerasTensor residual(KerasTensor x, KerasTensor inputs, double dropRate, String name) {
    if (dropRate > 0) {
      x = new Dropout(dropRate).noiseShape(-1, 1, 1, 1).name(name + "drop").apply(x);
    }
    return new Add().name(name + "add").apply(List.of(x, inputs)).get(0);
  }

  /** Keras' squeeze-and-excite block of an MBConv block (shared with EfficientNetV2). */
  static KerasTensor squeezeExcite(KerasTensor x, String name, int filters, int filtersSe) {
    KerasTensor se = new GlobalAveragePooling2D().name(name + "se_squeeze").apply(x);
    se = new Reshape(1, 1, filters).name(name + "se_reshape").apply(se);
    se = new Conv2D(filtersSe, 1).padding("same").activation("swish").name(name + "se_reduce").apply(se);
    se = new Conv2D(filters, 1).padding("same").activation("sigmoid").name(name + "se_expand").apply(se);
    return new Multiply().name(name + "se_excite").apply(List.of(x, se)).get(0);
  }

  /** The classifier: average pooling "avg_pool", dropout "top_dropout", Dense "predictions". */
  private KerasTensor top(KerasTensor x) {
    x = new GlobalAveragePooling2D().name("avg_pool").apply(x);
    if (dropoutRate > 0) {
      x = new Dropout(dropoutRate).name("top_dropout").apply(x);
    }
    return predictions(x);
  }

  /** Keras' {@code round_filters}: filters times the width coefficient, to a multiple of 8. */
  private int roundFilters(int filters) {
    return MobileNetV2.makeDivisible(filters * width, 8);
  }

  /** Keras' {@code round_repeats}: repeats times the depth coefficient, rounded up. */
  private int roundRepeats(int repeats) {
    return (int) Math.ceil(depth * repeats);
  }

  /** Returns {@code x} unchanged: Keras' {@code efficientnet.preprocess_input} (the model normalizes itself). */
  public static NDArray preprocessInput(NDArray x) {
    return x;
  }
}
