package io.keras4j.applications;

/**
 * DenseNet121: a densely connected network of four dense blocks (6, 12, 24, 16 convolution blocks).
 *
 * <p>Keras equivalent: {@code keras.applications.DenseNet121(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet121")}.
 * <pre>{@code Model base = new DenseNet121().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class DenseNet121 extends DenseNet<DenseNet121> {
  public DenseNet121() {
    super("densenet121", new int[] {6, 12, 24, 16}, "9d60b8095a5708f2dcce2bca79d332c7", "30ee3e1110167f948a6b9946edeeb738");
  }
}
