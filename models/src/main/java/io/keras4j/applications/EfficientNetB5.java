package io.keras4j.applications;

/**
 * EfficientNetB5: width x1.6, depth x2.2, 456x456 inputs by default, dropout 0.4 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB5(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb5")}.
 * <pre>{@code Model base = new EfficientNetB5().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB5 extends EfficientNet<EfficientNetB5> {
  public EfficientNetB5() {
    super(5, 1.6, 2.2, 456, 0.4);
  }
}
