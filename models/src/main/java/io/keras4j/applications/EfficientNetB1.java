package io.keras4j.applications;

/**
 * EfficientNetB1: width x1.0, depth x1.1, 240x240 inputs by default, dropout 0.2 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB1(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb1")}.
 * <pre>{@code Model base = new EfficientNetB1().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB1 extends EfficientNet<EfficientNetB1> {
  public EfficientNetB1() {
    super(1, 1.0, 1.1, 240, 0.2);
  }
}
