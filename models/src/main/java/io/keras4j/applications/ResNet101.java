package io.keras4j.applications;

/**
 * ResNet101: a residual network of 33 bottleneck blocks in four stages (3, 4, 23, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet101(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet101")}.
 * <pre>{@code Model base = new ResNet101().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet101 extends ResNet<ResNet101> {
  public ResNet101() {
    super("resnet101", false, 3, 4, 23, 3);
  }
}
