package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.CustomScaleLayer;
import io.keras4j.models.Model;
import java.util.List;

/**
 * Inception-ResNet v2 (Szegedy et al., AAAI 2017): Inception branches summed into residual connections, each
 * residual scaled down ({@link CustomScaleLayer}).
 *
 * <p>Keras equivalent: {@code keras.applications.InceptionResNetV2(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="inception_resnet_v2")}; follows keras/src/applications/inception_resnet_v2.py. The input is 299x299 by
 * default and at least 75x75.
 * <pre>{@code Model base = new InceptionResNetV2().includeTop(false).inputShape(75, 75, 3).weights(null).build();}</pre>
 */
public final class InceptionResNetV2 extends Application<InceptionResNetV2> {
  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(299, 75));
    KerasTensor x = inceptionStem(input);
    x = mixed5b(x);
    for (int i = 1; i <= 10; i++) {
      x = block(x, 0.17, "block35", i, true);
    }
    x = mixed6a(x);
    for (int i = 1; i <= 20; i++) {
      x = block(x, 0.1, "block17", i, true);
    }
    x = mixed7a(x);
    for (int i = 1; i <= 9; i++) {
      x = block(x, 0.2, "block8", i, true);
    }
    x = block(x, 1.0, "block8", 10, false);
    x = new Conv2D(1536, 1).padding("same").useBias(false).name("conv_7b").apply(x);
    x = new BatchNormalization().scale(false).name("conv_7b_bn").apply(x);
    x = new Activation("relu").name("conv_7b_ac").apply(x);
    x = includeTop() ? denseTop(x, "avg_pool") : pool(x, null, null);
    String file = "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, "inception_resnet_v2", WeightFile.of("inception_resnet_v2", file, includeTop()
        ? "e693bd0210a403b3192acc6073ad2e96" : "d19885ff4a710c122648d3b5c3b684e4"));
  }

  /** mixed_5b: 1x1, 5x5, double 3x3 and pooled branches. */
  private KerasTensor mixed5b(KerasTensor x) {
    KerasTensor b0 = convBn(x, 96, 1, 1);
    KerasTensor b1 = convBn(convBn(x, 48, 1, 1), 64, 5, 5);
    KerasTensor b2 = convBn(convBn(convBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3);
    KerasTensor pooled = auto(new AveragePooling2D(3, 3).strides(1, 1).padding("same"), "average_pooling2d")
        .apply(x);
    return concat("mixed_5b", b0, b1, b2, convBn(pooled, 64, 1, 1));
  }

  /** mixed_6a: a strided 3x3, a strided double 3x3 and max pooling. */
  private KerasTensor mixed6a(KerasTensor x) {
    KerasTensor b0 = convBn(x, 384, 3, 3, 2, "valid");
    KerasTensor b1 = convBn(convBn(convBn(x, 256, 1, 1), 256, 3, 3), 384, 3, 3, 2, "valid");
    return concat("mixed_6a", b0, b1, maxPool(x));
  }

  /** mixed_7a: three strided branches and max pooling. */
  private KerasTensor mixed7a(KerasTensor x) {
    KerasTensor b0 = convBn(convBn(x, 256, 1, 1), 384, 3, 3, 2, "valid");
    KerasTensor b1 = convBn(convBn(x, 256, 1, 1), 288, 3, 3, 2, "valid");
    KerasTensor b2 = convBn(convBn(convBn(x, 256, 1, 1), 288, 3, 3), 320, 3, 3, 2, "valid");
    return concat("mixed_7a", b0, b1, b2, maxPool(x));
  }

  /** Keras' {@code inception_resnet_block}: branches, a 1x1 projection with bias, {@code x + scale * r}. */
  private KerasTensor block(KerasTensor x, double scale, String type, int index, boolean relu) {
    List<KerasTensor> branches = switch (type) {
      case "block35" -> List.of(convBn(x, 32, 1, 1), convBn(convBn(x, 32, 1, 1), 32, 3, 3),
          convBn(convBn(convBn(x, 32, 1, 1), 48, 3, 3), 64, 3, 3));
      case "block17" -> List.of(convBn(x, 192, 1, 1), convBn(convBn(convBn(x, 128, 1, 1), 160, 1, 7), 192, 7, 1));
      default -> List.of(convBn(x, 192, 1, 1), convBn(convBn(convBn(x, 192, 1, 1), 224, 1, 3), 256, 3, 1));
    };
    String name = type + "_" + index;
    KerasTensor mixed = new Concatenate().name(name + "_mixed").apply(branches).get(0);
    KerasTensor up = new Conv2D((int) x.shape().get(3), 1).padding("same").name(name + "_conv").apply(mixed);
    x = auto(new CustomScaleLayer(scale), "custom_scale_layer").apply(List.of(x, up)).get(0);
    return relu ? new Activation("relu").name(name + "_ac").apply(x) : x;
  }

  private static KerasTensor concat(String name, KerasTensor... branches) {
    return new Concatenate().name(name).apply(List.of(branches)).get(0);
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code inception_resnet_v2.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
