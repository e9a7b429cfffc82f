package io.keras4j.applications;

/**
 * EfficientNetV2S: width x1.0, depth x1.0, 384x384 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2S(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-s")}.
 * <pre>{@code Model base = new EfficientNetV2S().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2S extends EfficientNetV2<EfficientNetV2S> {
  public EfficientNetV2S() {
    super("s", 1.0, 1.0, 384, "e1d88a8495beba45748fedd0cecbe016", "af0682fb74e8c54910f2d4393339c070");
  }
}
