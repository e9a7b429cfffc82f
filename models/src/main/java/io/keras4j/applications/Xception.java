package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Add;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.SeparableConv2D;
import io.keras4j.models.Model;
import java.util.List;

/**
 * Xception: depthwise separable convolutions with residual connections (Chollet, CVPR 2017); 299x299 inputs by
 * default, at least 71x71.
 *
 * <p>Keras equivalent: {@code keras.applications.Xception(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="xception")}
 * (keras/src/applications/xception.py).
 * <pre>{@code Model base = new Xception().includeTop(false).inputShape(71, 71, 3).weights(null).build();}</pre>
 */
public final class Xception extends Application<Xception> {
  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(299, 71));
    KerasTensor x = new Conv2D(32, 3).strides(2, 2).useBias(false).name("block1_conv1").apply(input);
    x = new BatchNormalization().name("block1_conv1_bn").apply(x);
    x = new Activation("relu").name("block1_conv1_act").apply(x);
    x = new Conv2D(64, 3).useBias(false).name("block1_conv2").apply(x);
    x = new BatchNormalization().name("block1_conv2_bn").apply(x);
    x = new Activation("relu").name("block1_conv2_act").apply(x);
    x = entryBlock(x, 128, 2, false);
    x = entryBlock(x, 256, 3, true);
    x = entryBlock(x, 728, 4, true);
    for (int i = 0; i < 8; i++) {
      KerasTensor residual = x;
      String prefix = "block" + (i + 5);
      for (int j = 1; j <= 3; j++) {
        x = new Activation("relu").name(prefix + "_sepconv" + j + "_act").apply(x);
        x = sepConv(x, 728, prefix + "_sepconv" + j);
      }
      x = add(x, residual);
    }
    KerasTensor residual = shortcut(x, 1024);
    x = new Activation("relu").name("block13_sepconv1_act").apply(x);
    x = sepConv(x, 728, "block13_sepconv1");
    x = new Activation("relu").name("block13_sepconv2_act").apply(x);
    x = sepConv(x, 1024, "block13_sepconv2");
    x = new MaxPooling2D(3, 3).strides(2, 2).padding("same").name("block13_pool").apply(x);
    x = add(x, residual);
    x = sepConv(x, 1536, "block14_sepconv1");
    x = new Activation("relu").name("block14_sepconv1_act").apply(x);
    x = sepConv(x, 2048, "block14_sepconv2");
    x = new Activation("relu").name("block14_sepconv2_act").apply(x);
    x = includeTop() ? denseTop(x, "avg_pool") : pool(x, null, null);
    String file = "xception_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, "xception", WeightFile.of("xception", file, includeTop()
        ? "0a58e3b7378bc2990ea3b43d5981f1f6" : "b0042744bf5b25fce3cb969f33bebb97"));
  }

  /** Blocks 2-4: a strided 1x1 shortcut beside two separable convolutions and max pooling. */
  private KerasTensor entryBlock(KerasTensor x, int filters, int block, boolean reluFirst) {
    KerasTensor residual = shortcut(x, filters);
    String prefix = "block" + block;
    if (reluFirst) {
      x = new Activation("relu").name(prefix + "_sepconv1_act").apply(x);
    }
    x = sepConv(x, filters, prefix + "_sepconv1");
    x = new Activation("relu").name(prefix + "_sepconv2_act").apply(x);
    x = sepConv(x, filters, prefix + "_sepconv2");
    x = new MaxPooling2D(3, 3).strides(2, 2).padding("same").name(prefix + "_pool").apply(x);
    return add(x, residual);
  }

  private KerasTensor shortcut(KerasTensor x, int filters) {
    KerasTensor r = auto(new Conv2D(filters, 1).strides(2, 2).padding("same").useBias(false), "conv2d").apply(x);
    return auto(new BatchNormalization(), "batch_normalization").apply(r);
  }

  private static KerasTensor sepConv(KerasTensor x, int filters, String name) {
    x = new SeparableConv2D(filters, 3).padding("same").useBias(false).name(name).apply(x);
    return new BatchNormalization().name(name + "_bn").apply(x);
  }

  private KerasTensor add(KerasTensor x, KerasTensor residual) {
    return auto(new Add(), "add").apply(List.of(x, residual)).get(0);
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code xception.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
