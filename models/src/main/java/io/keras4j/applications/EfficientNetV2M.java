package io.keras4j.applications;

/**
 * EfficientNetV2M: width x1.0, depth x1.0, 480x480 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2M(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-m")}.
 * <pre>{@code Model base = new EfficientNetV2M().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2M extends EfficientNetV2<EfficientNetV2M> {
  public EfficientNetV2M() {
    super("m", 1.0, 1.0, 480, "a3bf6aa3276309f4fc6a34aa114c95cd", "1b8dc055df72dde80d614482840fe342");
  }
}
