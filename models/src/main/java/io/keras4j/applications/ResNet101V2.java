package io.keras4j.applications;

/**
 * ResNet101V2: a residual network of 33 pre-activation blocks in four stages (3, 4, 23, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet101V2(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet101v2")}.
 * <pre>{@code Model base = new ResNet101V2().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet101V2 extends ResNet<ResNet101V2> {
  public ResNet101V2() {
    super("resnet101v2", true, 3, 4, 23, 3);
  }
}
