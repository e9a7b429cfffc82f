package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Add;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Cropping2D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.SeparableConv2D;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;

/**
 * NASNet-A (Zoph et al., CVPR 2018): normal and reduction cells found by architecture search; the subclasses
 * {@link NASNetMobile} and {@link NASNetLarge} fix the cell counts and widths.
 *
 * <p>Follows keras/src/applications/nasnet.py ({@code NASNet}, {@code _separable_conv_block},
 * {@code _adjust_block}, {@code _normal_a_cell}, {@code _reduction_a_cell}); the input is at least 32x32.
 *
 * @param <T> the concrete network
 */
public abstract class NASNet<T extends NASNet<T>> extends Application<T> {
  private static final double BN_MOMENTUM = 0.9997;
  private static final double BN_EPSILON = 1e-3;
  private final int penultimateFilters;
  private final int numBlocks;
  private final int stemBlockFilters;
  private final boolean skipReduction;
  private final int defaultSize;
  private final String defaultName;
  private final WeightFile[] files;

  NASNet(int penultimateFilters, int numBlocks, int stemBlockFilters, boolean skipReduction, int defaultSize,
      String defaultName, WeightFile top, WeightFile noTop) {
    this.penultimateFilters = penultimateFilters;
    this.numBlocks = numBlocks;
    this.stemBlockFilters = stemBlockFilters;
    this.skipReduction = skipReduction;
    this.defaultSize = defaultSize;
    this.defaultName = defaultName;
    this.files = new WeightFile[] {top, noTop};
  }

  /** Weights file {@code fileName} (cached as {@code cacheName}) in Keras' nasnet folder. */
  static WeightFile file(String cacheName, String fileName, String hash) {
    return new WeightFile(cacheName, WeightFile.BASE + "nasnet/" + fileName, hash);
  }

  /** The input shape when none was set: the family's (Keras' NASNetMobile fixes 224x224 also without the top). */
  long[] defaultInputShape() {
    return obtainInputShape(defaultSize, 32);
  }

  @Override
  public Model build() {
    validate();
    long[] requested = requestedInputShape();
    if (imagenet() && requested != null && (requested[0] == Shape.UNKNOWN || requested[1] == Shape.UNKNOWN)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": When specifying the input shape of a "
          + "NASNet and loading `ImageNet` weights, the input_shape argument must be static (no None entries). "
          + "Got: `input_shape=" + Shape.of(requested) + "`.");
    }
    KerasTensor input = input(defaultInputShape());
    int filters = penultimateFilters / 24;
    KerasTensor x = new Conv2D(stemBlockFilters, 3, 3).strides(2, 2).padding("valid").useBias(false)
        .name("stem_conv1").apply(input);
    x = bn("stem_bn1").apply(x);
    KerasTensor[] xp = reductionCell(x, null, filters / 4, "stem_1");
    xp = reductionCell(xp[0], xp[1], filters / 2, "stem_2");
    // three stages of normal cells, twice as wide each time, a reduction cell before the second and third
    for (int stage = 0; stage < 3; stage++) {
      int width = filters << stage;
      if (stage > 0) {
        KerasTensor p = xp[1];
        xp = reductionCell(xp[0], p, width, "reduce_" + stage * numBlocks);
        xp[1] = skipReduction ? p : xp[1];
      }
      for (int i = 0; i < numBlocks; i++) {
        xp = normalCell(xp[0], xp[1], width, String.valueOf(stage == 0 ? i : stage * numBlocks + i + 1));
      }
    }
    x = relu(xp[0]);
    x = includeTop() ? denseTop(x, null) : pool(x, null, null);
    return finish(input, x, defaultName, files[includeTop() ? 0 : 1]);
  }

  private static BatchNormalization bn(String name) {
    return new BatchNormalization().momentum(BN_MOMENTUM).epsilon(BN_EPSILON).name(name);
  }

  private KerasTensor relu(KerasTensor x) {
    return auto(new Activation("relu"), "activation").apply(x);
  }

  private static KerasTensor add(String name, KerasTensor a, KerasTensor b) {
    return new Add().name(name).apply(List.of(a, b)).get(0);
  }

  private static KerasTensor avgPool(KerasTensor x, int pool, int strides, String padding, String name) {
    return new AveragePooling2D(pool, pool).strides(strides, strides).padding(padding).name(name).apply(x);
  }

  /** Keras' {@code _separable_conv_block}: ReLU and a separable convolution, twice, each batch-normalized. */
  private KerasTensor separable(KerasTensor x, int filters, int kernel, int strides, String id) {
    x = relu(x);
    String padding = "same";
    if (strides == 2) {
      x = new ZeroPadding2D(ImagenetUtils.correctPad(x, kernel)).name("separable_conv_1_pad_" + id).apply(x);
      padding = "valid";
    }
    x = new SeparableConv2D(filters, kernel, kernel).strides(strides, strides).padding(padding).useBias(false)
        .name("separable_conv_1_" + id).apply(x);
    x = bn("separable_conv_1_bn_" + id).apply(x);
    x = relu(x);
    x = new SeparableConv2D(filters, kernel, kernel).padding("same").useBias(false).name("separable_conv_2_" + id)
        .apply(x);
    return bn("separable_conv_2_bn_" + id).apply(x);
  }

  /** Keras' {@code _adjust_block}: the previous cell's output {@code p} matched to {@code ip}'s size and width. */
  private KerasTensor adjust(KerasTensor p, KerasTensor ip, int filters, String id) {
    if (p == null) {
      return ip;
    }
    if (p.shape().get(2) != ip.shape().get(2)) {
      p = new Activation("relu").name("adjust_relu_1_" + id).apply(p);
      KerasTensor p1 = avgPool(p, 1, 2, "valid", "adjust_avg_pool_1_" + id);
      p1 = conv1x1(p1, filters / 2, "adjust_conv_1_" + id);
      KerasTensor p2 = auto(new ZeroPadding2D(new int[][] {{0, 1}, {0, 1}}), "zero_padding2d").apply(p);
      p2 = auto(new Cropping2D(new int[][] {{1, 0}, {1, 0}}), "cropping2d").apply(p2);
      p2 = avgPool(p2, 1, 2, "valid", "adjust_avg_pool_2_" + id);
      p2 = conv1x1(p2, filters / 2, "adjust_conv_2_" + id);
      p = auto(new Concatenate(), "concatenate").apply(List.of(p1, p2)).get(0);
      return bn("adjust_bn_" + id).apply(p);
    }
    if (p.shape().get(3) != filters) {
      p = relu(p);
      p = conv1x1(p, filters, "adjust_conv_projection_" + id);
      return bn("adjust_bn_" + id).apply(p);
    }
    return p;
  }

  private static KerasTensor conv1x1(KerasTensor x, int filters, String name) {
    return new Conv2D(filters, 1, 1).padding("same").useBias(false).name(name).apply(x);
  }

  /** ReLU, a 1x1 convolution and batch normalization: the cell's own input {@code h}. */
  private KerasTensor squeeze(KerasTensor ip, int filters, String kind, String id) {
    KerasTensor h = relu(ip);
    h = conv1x1(h, filters, kind + "_conv_1_" + id);
    return bn(kind + "_bn_1_" + id).apply(h);
  }

  /** Keras' {@code _normal_a_cell}: returns {x, ip}. */
  private KerasTensor[] normalCell(KerasTensor ip, KerasTensor p, int filters, String id) {
    p = adjust(p, ip, filters, id);
    KerasTensor h = squeeze(ip, filters, "normal", id);
    KerasTensor x1 = add("normal_add_1_" + id, separable(h, filters, 5, 1, "normal_left1_" + id),
        separable(p, filters, 3, 1, "normal_right1_" + id));
    KerasTensor x2 = add("normal_add_2_" + id, separable(p, filters, 5, 1, "normal_left2_" + id),
        separable(p, filters, 3, 1, "normal_right2_" + id));
    KerasTensor x3 = add("normal_add_3_" + id, avgPool(h, 3, 1, "same", "normal_left3_" + id), p);
    KerasTensor x4 = add("normal_add_4_" + id, avgPool(p, 3, 1, "same", "normal_left4_" + id),
        avgPool(p, 3, 1, "same", "normal_right4_" + id));
    KerasTensor x5 = add("normal_add_5_" + id, separable(h, filters, 3, 1, "normal_left5_" + id), h);
    KerasTensor x = new Concatenate().name("normal_concat_" + id).apply(List.of(p, x1, x2, x3, x4, x5)).get(0);
    return new KerasTensor[] {x, ip};
  }

  /** Keras' {@code _reduction_a_cell}: returns {x, ip}. */
  private KerasTensor[] reductionCell(KerasTensor ip, KerasTensor p, int filters, String id) {
    p = adjust(p, ip, filters, id);
    KerasTensor h = squeeze(ip, filters, "reduction", id);
    KerasTensor h3 = new ZeroPadding2D(ImagenetUtils.correctPad(h, 3)).name("reduction_pad_1_" + id).apply(h);
    KerasTensor x1 = add("reduction_add_1_" + id, separable(h, filters, 5, 2, "reduction_left1_" + id),
        separable(p, filters, 7, 2, "reduction_right1_" + id));
    KerasTensor x2 = add("reduction_add_2_" + id, maxPool(h3, "reduction_left2_" + id),
        separable(p, filters, 7, 2, "reduction_right2_" + id));
    KerasTensor x3 = add("reduction_add3_" + id, avgPool(h3, 3, 2, "valid", "reduction_left3_" + id),
        separable(p, filters, 5, 2, "reduction_right3_" + id));
    KerasTensor x4 = avgPool(x1, 3, 1, "same", "reduction_left4_" + id);
    x4 = auto(new Add(), "add").apply(List.of(x2, x4)).get(0);
    KerasTensor x5 = add("reduction_add4_" + id, separable(x1, filters, 3, 1, "reduction_left4_" + id),
        maxPool(h3, "reduction_right5_" + id));
    KerasTensor x = new Concatenate().name("reduction_concat_" + id).apply(List.of(x2, x3, x4, x5)).get(0);
    return new KerasTensor[] {x, ip};
  }

  private static KerasTensor maxPool(KerasTensor x, String name) {
    return new MaxPooling2D(3, 3).strides(2, 2).padding("valid").name(name).apply(x);
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code nasnet.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
