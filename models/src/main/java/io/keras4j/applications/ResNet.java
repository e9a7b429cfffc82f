package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Add;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;

/**
 * The residual networks (He et al., CVPR 2015 and ECCV 2016): ResNet50/101/152 with post-activation bottleneck blocks,
 * ResNet50V2/101V2/152V2 with pre-activation blocks; the subclasses fix the blocks per stage.
 *
 * <p>Follows keras/src/applications/resnet.py ({@code ResNet}, {@code residual_block_v1/v2},
 * {@code stack_residual_blocks_v1/v2}) and resnet_v2.py.
 *
 * @param <T> the concrete network
 */
public abstract class ResNet<T extends ResNet<T>> extends Application<T> {
  /** Keras' {@code WEIGHTS_HASHES}: with top, without top. */
  private static final Map<String, String[]> HASHES = Map.of(
      "resnet50", new String[] {"2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626"},
      "resnet101", new String[] {"f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21"},
      "resnet152", new String[] {"100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c"},
      "resnet50v2", new String[] {"3ef43a0b657b3be2300d5770ece849e0", "fac2f116257151a9d068a22e544a4917"},
      "resnet101v2", new String[] {"6343647c601c52e1368623803854d971", "c0ed64b8031c3730f411d2eb4eea35b5"},
      "resnet152v2", new String[] {"a49b44d1979771252814e80f8ec446f9", "ed17cf2e0169df9d443503ef94b23b33"});
  private static final double EPSILON = 1.001e-5;
  private final String family;
  private final boolean preact;
  private final int[] blocks;

  ResNet(String family, boolean preact, int... blocks) {
    this.family = family;
    this.preact = preact;
    this.blocks = blocks;
  }

  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(224, 32));
    KerasTensor x = new ZeroPadding2D(new int[][] {{3, 3}, {3, 3}}).name("conv1_pad").apply(input);
    x = new Conv2D(64, 7).strides(2, 2).useBias(true).name("conv1_conv").apply(x);
    if (!preact) {
      x = bn("conv1_bn").apply(x);
      x = new Activation("relu").name("conv1_relu").apply(x);
    }
    x = new ZeroPadding2D(new int[][] {{1, 1}, {1, 1}}).name("pool1_pad").apply(x);
    x = new MaxPooling2D(3, 3).strides(2, 2).name("pool1_pool").apply(x);
    int[] filters = {64, 128, 256, 512};
    for (int s = 0; s < 4; s++) {
      String name = "conv" + (s + 2);
      x = preact ? stackV2(x, filters[s], blocks[s], s == 3 ? 1 : 2, name)
          : stackV1(x, filters[s], blocks[s], s == 0 ? 1 : 2, name);
    }
    if (preact) {
      x = bn("post_bn").apply(x);
      x = new Activation("relu").name("post_relu").apply(x);
    }
    x = includeTop() ? denseTop(x, "avg_pool") : pool(x, "avg_pool", "max_pool");
    String file = family + "_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, family, WeightFile.of("resnet", file, HASHES.get(family)[includeTop() ? 0 : 1]));
  }

  private static BatchNormalization bn(String name) {
    return (BatchNormalization) new BatchNormalization().axis(3).epsilon(EPSILON).name(name);
  }

  private KerasTensor stackV1(KerasTensor x, int filters, int count, int stride1, String name) {
    x = blockV1(x, filters, stride1, true, name + "_block1");
    for (int i = 2; i <= count; i++) {
      x = blockV1(x, filters, 1, false, name + "_block" + i);
    }
    return x;
  }

  private KerasTensor blockV1(KerasTensor x, int filters, int stride, boolean convShortcut, String name) {
    KerasTensor shortcut = x;
    if (convShortcut) {
      shortcut = new Conv2D(4 * filters, 1).strides(stride, stride).name(name + "_0_conv").apply(x);
      shortcut = bn(name + "_0_bn").apply(shortcut);
    }
    x = new Conv2D(filters, 1).strides(stride, stride).name(name + "_1_conv").apply(x);
    x = bn(name + "_1_bn").apply(x);
    x = new Activation("relu").name(name + "_1_relu").apply(x);
    x = new Conv2D(filters, 3).padding("same").name(name + "_2_conv").apply(x);
    x = bn(name + "_2_bn").apply(x);
    x = new Activation("relu").name(name + "_2_relu").apply(x);
    x = new Conv2D(4 * filters, 1).name(name + "_3_conv").apply(x);
    x = bn(name + "_3_bn").apply(x);
    x = new Add().name(name + "_add").apply(List.of(shortcut, x)).get(0);
    return new Activation("relu").name(name + "_out").apply(x);
  }

  private KerasTensor stackV2(KerasTensor x, int filters, int count, int stride1, String name) {
    x = blockV2(x, filters, 1, true, name + "_block1");
    for (int i = 2; i < count; i++) {
      x = blockV2(x, filters, 1, false, name + "_block" + i);
    }
    return blockV2(x, filters, stride1, false, name + "_block" + count);
  }

  private KerasTensor blockV2(KerasTensor x, int filters, int stride, boolean convShortcut, String name) {
    KerasTensor preactivated = bn(name + "_preact_bn").apply(x);
    preactivated = new Activation("relu").name(name + "_preact_relu").apply(preactivated);
    KerasTensor shortcut;
    if (convShortcut) {
      shortcut = new Conv2D(4 * filters, 1).strides(stride, stride).name(name + "_0_conv").apply(preactivated);
    } else {
      shortcut = stride > 1 ? auto(new MaxPooling2D(1, 1).strides(stride, stride), "max_pooling2d").apply(x) : x;
    }
    KerasTensor y = new Conv2D(filters, 1).strides(1, 1).useBias(false).name(name + "_1_conv").apply(preactivated);
    y = bn(name + "_1_bn").apply(y);
    y = new Activation("relu").name(name + "_1_relu").apply(y);
    y = new ZeroPadding2D(new int[][] {{1, 1}, {1, 1}}).name(name + "_2_pad").apply(y);
    y = new Conv2D(filters, 3).strides(stride, stride).useBias(false).name(name + "_2_conv").apply(y);
    y = bn(name + "_2_bn").apply(y);
    y = new Activation("relu").name(name + "_2_relu").apply(y);
    y = new Conv2D(4 * filters, 1).name(name + "_3_conv").apply(y);
    return new Add().name(name + "_out").apply(List.of(shortcut, y)).get(0);
  }

  /**
   * The preprocessing of this family: "caffe" for ResNet50/101/152 ({@code resnet.preprocess_input}), "tf" for the
   * V2 networks ({@code resnet_v2.preprocess_input}).
   */
  public NDArray preprocess(NDArray x) {
    return Preprocessing.preprocessInput(x, preact ? "tf" : "caffe");
  }
}
