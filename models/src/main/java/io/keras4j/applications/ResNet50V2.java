package io.keras4j.applications;

/**
 * ResNet50V2: a residual network of 16 pre-activation blocks in four stages (3, 4, 6, 3).
 *
 * <p>Keras equivalent: {@code keras.applications.ResNet50V2(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet50v2")}.
 * <pre>{@code Model base = new ResNet50V2().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ResNet50V2 extends ResNet<ResNet50V2> {
  public ResNet50V2() {
    super("resnet50v2", true, 3, 4, 6, 3);
  }
}
