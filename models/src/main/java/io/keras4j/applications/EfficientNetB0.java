package io.keras4j.applications;

/**
 * EfficientNetB0: width x1.0, depth x1.0, 224x224 inputs by default, dropout 0.2 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB0(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb0")}.
 * <pre>{@code Model base = new EfficientNetB0().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB0 extends EfficientNet<EfficientNetB0> {
  public EfficientNetB0() {
    super(0, 1.0, 1.0, 224, 0.2);
  }
}
