package io.keras4j.applications;

/**
 * EfficientNetB2: width x1.1, depth x1.2, 260x260 inputs by default, dropout 0.3 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB2(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb2")}.
 * <pre>{@code Model base = new EfficientNetB2().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB2 extends EfficientNet<EfficientNetB2> {
  public EfficientNetB2() {
    super(2, 1.1, 1.2, 260, 0.3);
  }
}
