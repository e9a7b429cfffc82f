package io.keras4j.applications;

/**
 * DenseNet169: a densely connected network of four dense blocks (6, 12, 32, 32 convolution blocks).
 *
 * <p>Keras equivalent: {@code keras.applications.DenseNet169(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet169")}.
 * <pre>{@code Model base = new DenseNet169().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class DenseNet169 extends DenseNet<DenseNet169> {
  public DenseNet169() {
    super("densenet169", new int[] {6, 12, 32, 32}, "d699b8f76981ab1b30698df4c175e90b", "b8c4d4c20dd625c148057b9ff1c1176b");
  }
}
