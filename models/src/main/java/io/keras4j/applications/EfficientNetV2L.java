package io.keras4j.applications;

/**
 * EfficientNetV2L: width x1.0, depth x1.0, 480x480 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2L(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-l")}.
 * <pre>{@code Model base = new EfficientNetV2L().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2L extends EfficientNetV2<EfficientNetV2L> {
  public EfficientNetV2L() {
    super("l", 1.0, 1.0, 480, "27e6d408b53c7ebc868fefa357689935", "b0b66b5c863aef5b46e8608fe1711615");
  }
}
