package io.keras4j.applications;

/**
 * ResNet50: a residual network of 16 bottleneck blocks in four stages (3, 4, 6, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet50(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet50")}.
 * <pre>{@code Model base = new ResNet50().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet50 extends ResNet<ResNet50> {
  public ResNet50() {
    super("resnet50", false, 3, 4, 6, 3);
  }
}
