package io.keras4j.applications;

/**
 * ResNet152: a residual network of 50 bottleneck blocks in four stages (3, 8, 36, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet152(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet152")}.
 * <pre>{@code Model base = new ResNet152().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet152 extends ResNet<ResNet152> {
  public ResNet152() {
    super("resnet152", false, 3, 8, 36, 3);
  }
}
