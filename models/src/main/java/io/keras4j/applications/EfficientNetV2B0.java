package io.keras4j.applications;

/**
 * EfficientNetV2B0: width x1.0, depth x1.0, 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2B0(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-b0")}.
 * <pre>{@code Model base = new EfficientNetV2B0().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2B0 extends EfficientNetV2<EfficientNetV2B0> {
  public EfficientNetV2B0() {
    super("b0", 1.0, 1.0, 224, "21ecbf6da12460d5c40bb2f29ceb2188", "893217f2bb855e2983157299931e43ff");
  }
}
