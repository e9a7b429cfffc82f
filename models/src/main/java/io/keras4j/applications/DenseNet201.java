package io.keras4j.applications;

/**
 * DenseNet201: a densely connected network of four dense blocks (6, 12, 48, 32 convolution blocks).
 *
 * <p>Keras equivalent: {@code keras.applications.DenseNet201(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet201")}.
 * <pre>{@code Model base = new DenseNet201().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class DenseNet201 extends DenseNet<DenseNet201> {
  public DenseNet201() {
    super("densenet201", new int[] {6, 12, 48, 32}, "1ceb130c1ea1b78c3bf6114dbdfd8807", "c13680b51ded0fb44dff2d8f86ac8bb1");
  }
}
