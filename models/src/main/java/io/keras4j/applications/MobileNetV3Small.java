package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;

/**
 * MobileNetV3Small: 11 inverted residual blocks, 1024 channels before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.MobileNetV3Small(input_shape=None, alpha=1.0, minimalistic=False,
 * include_top=True, weights="imagenet", input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2,
 * classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Small")}.
 * <pre>{@code Model base = new MobileNetV3Small().includeTop(false).inputShape(96, 96, 3).build();}</pre>
 */
public final class MobileNetV3Small extends MobileNetV3<MobileNetV3Small> {
  public MobileNetV3Small() {
    super("small", 1024);
  }

  @Override
  KerasTensor stack(KerasTensor x, int kernel, String activation, Double se) {
    x = block(x, 1, scaled(16), 3, 2, se, "relu", 0);
    x = block(x, 72.0 / 16, scaled(24), 3, 2, null, "relu", 1);
    x = block(x, 88.0 / 24, scaled(24), 3, 1, null, "relu", 2);
    x = block(x, 4, scaled(40), kernel, 2, se, activation, 3);
    x = block(x, 6, scaled(40), kernel, 1, se, activation, 4);
    x = block(x, 6, scaled(40), kernel, 1, se, activation, 5);
    x = block(x, 3, scaled(48), kernel, 1, se, activation, 6);
    x = block(x, 3, scaled(48), kernel, 1, se, activation, 7);
    x = block(x, 6, scaled(96), kernel, 2, se, activation, 8);
    x = block(x, 6, scaled(96), kernel, 1, se, activation, 9);
    return block(x, 6, scaled(96), kernel, 1, se, activation, 10);
  }
}
