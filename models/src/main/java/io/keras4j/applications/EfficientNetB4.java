package io.keras4j.applications;

/**
 * EfficientNetB4: width x1.4, depth x1.8, 380x380 inputs by default, dropout 0.4 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB4(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb4")}.
 * <pre>{@code Model base = new EfficientNetB4().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB4 extends EfficientNet<EfficientNetB4> {
  public EfficientNetB4() {
    super(4, 1.4, 1.8, 380, 0.4);
  }
}
