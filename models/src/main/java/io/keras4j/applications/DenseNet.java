package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;

/**
 * The densely connected networks (Huang et al., CVPR 2017): four dense blocks of 1x1 and 3x3 convolutions whose
 * outputs are concatenated (growth rate 32), joined by transitions that halve the channels and the size; the
 * subclasses fix the blocks per dense block.
 *
 * <p>Follows keras/src/applications/densenet.py ({@code DenseNet}, {@code dense_block}, {@code conv_block},
 * {@code transition_block}).
 *
 * @param <T> the concrete network
 */
public abstract class DenseNet<T extends DenseNet<T>> extends Application<T> {
  private static final double EPSILON = 1.001e-5;
  private final String family;
  private final int[] blocks;
  private final String[] hashes;

  DenseNet(String family, int[] blocks, String topHash, String noTopHash) {
    this.family = family;
    this.blocks = blocks;
    this.hashes = new String[] {topHash, noTopHash};
  }

  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(224, 32));
    KerasTensor x = auto(new ZeroPadding2D(new int[][] {{3, 3}, {3, 3}}), "zero_padding2d").apply(input);
    x = new Conv2D(64, 7).strides(2, 2).useBias(false).name("conv1_conv").apply(x);
    x = bn("conv1_bn").apply(x);
    x = new Activation("relu").name("conv1_relu").apply(x);
    x = auto(new ZeroPadding2D(new int[][] {{1, 1}, {1, 1}}), "zero_padding2d").apply(x);
    x = new MaxPooling2D(3, 3).strides(2, 2).name("pool1").apply(x);
    for (int b = 0; b < 4; b++) {
      for (int i = 1; i <= blocks[b]; i++) {
        x = convBlock(x, 32, "conv" + (b + 2) + "_block" + i);
      }
      if (b < 3) {
        x = transitionBlock(x, 0.5, "pool" + (b + 2));
      }
    }
    x = bn("bn").apply(x);
    x = new Activation("relu").name("relu").apply(x);
    x = includeTop() ? denseTop(x, "avg_pool") : pool(x, "avg_pool", "max_pool");
    String file = family + "_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, family, WeightFile.of("densenet", file, hashes[includeTop() ? 0 : 1]));
  }

  private static BatchNormalization bn(String name) {
    return (BatchNormalization) new BatchNormalization().axis(3).epsilon(EPSILON).name(name);
  }

  private static KerasTensor transitionBlock(KerasTensor x, double reduction, String name) {
    x = bn(name + "_bn").apply(x);
    x = new Activation("relu").name(name + "_relu").apply(x);
    x = new Conv2D((int) (x.shape().get(3) * reduction), 1).useBias(false).name(name + "_conv").apply(x);
    return new AveragePooling2D(2, 2).strides(2, 2).name(name + "_pool").apply(x);
  }

  private static KerasTensor convBlock(KerasTensor x, int growthRate, String name) {
    KerasTensor y = bn(name + "_0_bn").apply(x);
    y = new Activation("relu").name(name + "_0_relu").apply(y);
    y = new Conv2D(4 * growthRate, 1).useBias(false).name(name + "_1_conv").apply(y);
    y = bn(name + "_1_bn").apply(y);
    y = new Activation("relu").name(name + "_1_relu").apply(y);
    y = new Conv2D(growthRate, 3).padding("same").useBias(false).name(name + "_2_conv").apply(y);
    return new Concatenate(3).name(name + "_concat").apply(List.of(x, y)).get(0);
  }

  /** Scaled to [0, 1] and normalized per channel by ImageNet's mean and std: {@code densenet.preprocess_input}. */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "torch");
  }
}
