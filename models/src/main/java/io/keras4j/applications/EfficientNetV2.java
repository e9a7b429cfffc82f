package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.Normalization;
import io.keras4j.layers.Rescaling;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;

/**
 * EfficientNetV2 (Tan and Le, ICML 2021): fused and plain MBConv blocks, scaled per variant; the subclasses fix the
 * variant. Inputs are pixels in [0, 255]: the model rescales them itself (Keras' {@code include_preprocessing=True}).
 *
 * <p>Follows keras/src/applications/efficientnet_v2.py ({@code EfficientNetV2}, {@code MBConvBlock},
 * {@code FusedMBConvBlock}, {@code DEFAULT_BLOCKS_ARGS}); the input is at least 32x32.
 *
 * <p>Porting note: Keras looks the blocks up by the model's name, so a renamed Keras model fails to build; here the
 * blocks follow the variant whatever the name.
 *
 * @param <T> the concrete network
 */
public abstract class EfficientNetV2<T extends EfficientNetV2<T>> extends Application<T> {
  /** One row of Keras' {@code DEFAULT_BLOCKS_ARGS}. */
  record Stage(int kernel, int repeats, int filtersIn, int filtersOut, int expandRatio, double seRatio,
      int strides, boolean fused) {}

  private static final List<Stage> B = List.of(new Stage(3, 1, 32, 16, 1, 0, 1, true),
      new Stage(3, 2, 16, 32, 4, 0, 2, true), new Stage(3, 2, 32, 48, 4, 0, 2, true),
      new Stage(3, 3, 48, 96, 4, 0.25, 2, false), new Stage(3, 5, 96, 112, 6, 0.25, 1, false),
      new Stage(3, 8, 112, 192, 6, 0.25, 2, false));
  private static final Map<String, List<Stage>> BLOCKS = Map.of("b0", B, "b1", B, "b2", B, "b3", B,
      "s", List.of(new Stage(3, 2, 24, 24, 1, 0, 1, true), new Stage(3, 4, 24, 48, 4, 0, 2, true),
          new Stage(3, 4, 48, 64, 4, 0, 2, true), new Stage(3, 6, 64, 128, 4, 0.25, 2, false),
          new Stage(3, 9, 128, 160, 6, 0.25, 1, false), new Stage(3, 15, 160, 256, 6, 0.25, 2, false)),
      "m", List.of(new Stage(3, 3, 24, 24, 1, 0, 1, true), new Stage(3, 5, 24, 48, 4, 0, 2, true),
          new Stage(3, 5, 48, 80, 4, 0, 2, true), new Stage(3, 7, 80, 160, 4, 0.25, 2, false),
          new Stage(3, 14, 160, 176, 6, 0.25, 1, false), new Stage(3, 18, 176, 304, 6, 0.25, 2, false),
          new Stage(3, 5, 304, 512, 6, 0.25, 1, false)),
      "l", List.of(new Stage(3, 4, 32, 32, 1, 0, 1, true), new Stage(3, 7, 32, 64, 4, 0, 2, true),
          new Stage(3, 7, 64, 96, 4, 0, 2, true), new Stage(3, 10, 96, 192, 4, 0.25, 2, false),
          new Stage(3, 19, 192, 224, 6, 0.25, 1, false), new Stage(3, 25, 224, 384, 6, 0.25, 2, false),
          new Stage(3, 7, 384, 640, 6, 0.25, 1, false)));
  private static final double[] IMAGENET_MEAN_RGB = {0.485, 0.456, 0.406};
  private static final double[] IMAGENET_STDDEV_RGB = {0.229, 0.224, 0.225};
  private static final double DROPOUT_RATE = 0.2;
  private static final double DROP_CONNECT_RATE = 0.2;
  private static final double BN_MOMENTUM = 0.9;
  private final String variant;
  private final double width;
  private final double depth;
  private final int defaultSize;
  private final String[] hashes;
  private boolean includePreprocessing = true;

  EfficientNetV2(String variant, double width, double depth, int defaultSize, String hashTop, String hashNoTop) {
    this.variant = variant;
    this.width = width;
    this.depth = depth;
    this.defaultSize = defaultSize;
    this.hashes = new String[] {hashTop, hashNoTop};
  }

  /**
   * Whether the model rescales its [0, 255] input itself: B0-B3 with 3 channels to ImageNet's mean and deviation,
   * the others to [-1, 1]. Default: true.
   */
  public T includePreprocessing(boolean includePreprocessing) {
    this.includePreprocessing = includePreprocessing;
    return self();
  }

  @Override
  public Model build() {
    validate();
    long[] shape = obtainInputShape(defaultSize, 32);
    KerasTensor input = input(shape);
    KerasTensor x = includePreprocessing ? preprocess(input, shape[2]) : input;
    List<Stage> stages = BLOCKS.get(variant);
    x = new Conv2D(roundFilters(stages.get(0).filtersIn()), 3).strides(2, 2).padding("same").useBias(false)
        .name("stem_conv").apply(x);
    x = bn("stem_bn").apply(x);
    x = new Activation("swish").name("stem_activation").apply(x);
    x = blocks(x, stages);
    x = new Conv2D(roundFilters(1280), 1).padding("same").useBias(false).name("top_conv").apply(x);
    x = bn("top_bn").apply(x);
    x = new Activation("swish").name("top_activation").apply(x);
    if (includeTop()) {
      x = new GlobalAveragePooling2D().name("avg_pool").apply(x);
      x = predictions(new Dropout(DROPOUT_RATE).name("top_dropout").apply(x));
    } else {
      x = pool(x, "avg_pool", "max_pool");
    }
    String name = "efficientnetv2-" + variant;
    String file = nameOr(name) + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, name, WeightFile.of("efficientnet_v2", file, hashes[includeTop() ? 0 : 1]));
  }

  /** B0-B3 with 3 channels: [0, 1], then ImageNet's mean and variance; otherwise {@code x / 128 - 1}. */
  private KerasTensor preprocess(KerasTensor x, long channels) {
    if (variant.startsWith("b") && channels == 3) {
      double[] variance = new double[3];
      for (int c = 0; c < 3; c++) {
        variance[c] = IMAGENET_STDDEV_RGB[c] * IMAGENET_STDDEV_RGB[c];
      }
      x = auto(new Rescaling(1.0 / 255), "rescaling").apply(x);
      return auto(new Normalization().axis(3).mean(IMAGENET_MEAN_RGB).variance(variance), "normalization").apply(x);
    }
    return auto(new Rescaling(1.0 / 128.0, -1), "rescaling").apply(x);
  }

  /** The blocks, named block1a, block1b, ...; the "survival probability" (a dropout rate) grows over them. */
  private KerasTensor blocks(KerasTensor x, List<Stage> stages) {
    int total = stages.stream().mapToInt(Stage::repeats).sum();
    int b = 0;
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      int in = roundFilters(s.filtersIn());
      int out = roundFilters(s.filtersOut());
      int repeats = (int) Math.ceil(depth * s.repeats());
      for (int j = 0; j < repeats; j++) {
        String name = "block" + (i + 1) + (char) ('a' + j) + "_";
        Stage args = new Stage(s.kernel(), 1, j == 0 ? in : out, out, s.expandRatio(), s.seRatio(),
            j == 0 ? s.strides() : 1, s.fused());
        x = block(x, args, DROP_CONNECT_RATE * b / total, name);
        b++;
      }
    }
    return x;
  }

  /** Keras' {@code MBConvBlock} or {@code FusedMBConvBlock}. */
  private static KerasTensor block(KerasTensor inputs, Stage s, double survival, String name) {
    int filters = s.filtersIn() * s.expandRatio();
    int kernel = s.kernel();
    int strides = s.strides();
    KerasTensor x = inputs;
    if (s.expandRatio() != 1) {
      x = new Conv2D(filters, s.fused() ? kernel : 1).strides(s.fused() ? strides : 1, s.fused() ? strides : 1)
          .padding("same").useBias(false).name(name + "expand_conv").apply(x);
      x = bn(name + "expand_bn").apply(x);
      x = new Activation("swish").name(name + "expand_activation").apply(x);
    }
    if (!s.fused()) {
      x = new DepthwiseConv2D(kernel).strides(strides, strides).padding("same").useBias(false)
          .name(name + "dwconv2").apply(x);
      x = bn(name + "bn").apply(x);
      x = new Activation("swish").name(name + "activation").apply(x);
    }
    if (s.seRatio() > 0 && s.seRatio() <= 1) {
      x = EfficientNet.squeezeExcite(x, name, filters, Math.max(1, (int) (s.filtersIn() * s.seRatio())));
    }
    boolean fusedAlone = s.fused() && s.expandRatio() == 1;
    x = new Conv2D(s.filtersOut(), fusedAlone ? kernel : 1).strides(fusedAlone ? strides : 1, fusedAlone ? strides : 1)
        .padding("same").useBias(false).name(name + "project_conv").apply(x);
    x = bn(name + "project_bn").apply(x);
    if (fusedAlone) {
      x = new Activation("swish").name(name + "project_activation").apply(x);
    }
    if (strides == 1 && s.filtersIn() == s.filtersOut()) {
      x = EfficientNet.residual(x, inputs, survival, name);
    }
    return x;
  }

  private static BatchNormalization bn(String name) {
    return new BatchNormalization().momentum(BN_MOMENTUM).name(name);
  }

  /** Keras' {@code round_filters}: filters times the width coefficient, to a multiple of 8, at least 8. */
  private int roundFilters(int filters) {
    return Math.max(8, (int) (filters * width + 4) / 8 * 8);
  }

  /** Returns {@code x} unchanged: Keras' {@code efficientnet_v2.preprocess_input} (the model rescales itself). */
  public static NDArray preprocessInput(NDArray x) {
    return x;
  }
}
