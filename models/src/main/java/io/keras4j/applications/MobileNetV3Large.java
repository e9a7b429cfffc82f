package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;

/**
 * MobileNetV3Large: 15 inverted residual blocks, 1280 channels before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.MobileNetV3Large(input_shape=None, alpha=1.0, minimalistic=False,
 * include_top=True, weights="imagenet", input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2,
 * classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Large")}.
 * <pre>{@code Model base = new MobileNetV3Large().includeTop(false).pooling("avg").build();}</pre>
 */
public final class MobileNetV3Large extends MobileNetV3<MobileNetV3Large> {
  public MobileNetV3Large() {
    super("large", 1280);
  }

  @Override
  KerasTensor stack(KerasTensor x, int kernel, String activation, Double se) {
    x = block(x, 1, scaled(16), 3, 1, null, "relu", 0);
    x = block(x, 4, scaled(24), 3, 2, null, "relu", 1);
    x = block(x, 3, scaled(24), 3, 1, null, "relu", 2);
    x = block(x, 3, scaled(40), kernel, 2, se, "relu", 3);
    x = block(x, 3, scaled(40), kernel, 1, se, "relu", 4);
    x = block(x, 3, scaled(40), kernel, 1, se, "relu", 5);
    x = block(x, 6, scaled(80), 3, 2, null, activation, 6);
    x = block(x, 2.5, scaled(80), 3, 1, null, activation, 7);
    x = block(x, 2.3, scaled(80), 3, 1, null, activation, 8);
    x = block(x, 2.3, scaled(80), 3, 1, null, activation, 9);
    x = block(x, 6, scaled(112), 3, 1, se, activation, 10);
    x = block(x, 6, scaled(112), 3, 1, se, activation, 11);
    x = block(x, 6, scaled(160), kernel, 2, se, activation, 12);
    x = block(x, 6, scaled(160), kernel, 1, se, activation, 13);
    return block(x, 6, scaled(160), kernel, 1, se, activation, 14);
  }
}
