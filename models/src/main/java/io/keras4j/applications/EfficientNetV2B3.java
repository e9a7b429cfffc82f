package io.keras4j.applications;

/**
 * EfficientNetV2B3: width x1.2, depth x1.4, 300x300 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2B3(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-b3")}.
 * <pre>{@code Model base = new EfficientNetV2B3().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2B3 extends EfficientNetV2<EfficientNetV2B3> {
  public EfficientNetV2B3() {
    super("b3", 1.2, 1.4, 300, "1f1fc43bd98a6e4fd8fdfd551e02c7a0", "f6abf7b5849ac99a89b50dd3fd532856");
  }
}
