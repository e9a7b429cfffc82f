package io.keras4j.applications;

/**
 * EfficientNetB7: width x2.0, depth x3.1, 600x600 inputs by default, dropout 0.5 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB7(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb7")}.
 * <pre>{@code Model base = new EfficientNetB7().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB7 extends EfficientNet<EfficientNetB7> {
  public EfficientNetB7() {
    super(7, 2.0, 3.1, 600, 0.5);
  }
}
