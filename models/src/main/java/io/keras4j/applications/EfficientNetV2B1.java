package io.keras4j.applications;

/**
 * EfficientNetV2B1: width x1.0, depth x1.1, 240x240 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetV2B1(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * include_preprocessing=True, name="efficientnetv2-b1")}.
 * <pre>{@code Model base = new EfficientNetV2B1().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetV2B1 extends EfficientNetV2<EfficientNetV2B1> {
  public EfficientNetV2B1() {
    super("b1", 1.0, 1.1, 240, "069f0534ff22adf035c89e2d9547a9dc", "0e80663031ca32d657f9caa404b6ec37");
  }
}
