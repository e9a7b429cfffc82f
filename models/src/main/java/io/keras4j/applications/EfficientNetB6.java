package io.keras4j.applications;

/**
 * EfficientNetB6: width x1.8, depth x2.6, 528x528 inputs by default, dropout 0.5 before the classifier.
 *
 * <p>Keras equivalent: {@code keras.applications.EfficientNetB6(include_top=True, weights="imagenet",
 * input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="efficientnetb6")}.
 * <pre>{@code Model base = new EfficientNetB6().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class EfficientNetB6 extends EfficientNet<EfficientNetB6> {
  public EfficientNetB6() {
    super(6, 1.8, 2.6, 528, 0.5);
  }
}
