package io.keras4j.applications;

/**
 * EfficientNetB3: width x1.2, depth x1.4, 300x300 inputs by default, dropout 0.3 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB3(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb3")}.
 * <pre>{@code Model base = new EfficientNetB3().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB3 extends EfficientNet<EfficientNetB3> {
  public EfficientNetB3() {
    super(3, 1.2, 1.4, 300, 0.3);
  }
}
