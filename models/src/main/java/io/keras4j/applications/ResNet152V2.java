package io.keras4j.applications;

/**
 * ResNet152V2: a residual network of 50 pre-activation blocks in four stages (3, 8, 36, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet152V2(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet152v2")}.
 * <pre>{@code Model base = new ResNet152V2().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet152V2 extends ResNet<ResNet152V2> {
  public ResNet152V2() {
    super("resnet152v2", true, 3, 8, 36, 3);
  }
}
