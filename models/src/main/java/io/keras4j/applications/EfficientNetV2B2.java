package io.keras4j.applications;

/**
 * EfficientNetV2B2: width x1.1, depth x1.2, 260x260 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2B2(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-b2")}.
 * <pre>{@code Model base = new EfficientNetV2B2().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2B2 extends EfficientNetV2<EfficientNetV2B2> {
  public EfficientNetV2B2() {
    super("b2", 1.1, 1.2, 260, "424e49f28180edbde1e94797771950a7", "1dfe2e7a5d45b6632553a8961ea609eb");
  }
}
