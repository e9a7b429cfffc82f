package io.keras4j.backend;

/**
 * A symbolic tensor of the functional API: a shape and dtype, and the layer call that produced it.
 *
 * <p>Keras equivalent: {@code keras.KerasTensor}. Made by {@code Input.of(...)} and by applying layers to other
 * Keras tensors; it holds no data.
 * <pre>{@code KerasTensor x = Input.of(784); KerasTensor h = new Dense(32).apply(x);}</pre>
 */
public final class KerasTensor {
  private final Shape shape;
  private final String dtype;
  private final Object layer;
  private final int nodeIndex;
  private final int tensorIndex;

  /** Keras tensor output {@code tensorIndex} of node {@code nodeIndex} of {@code layer}. */
  public KerasTensor(Shape shape, String dtype, Object layer, int nodeIndex, int tensorIndex) {
    this.shape = shape;
    this.dtype = dtype;
    this.layer = layer;
    this.nodeIndex = nodeIndex;
    this.tensorIndex = tensorIndex;
  }

  /** The shape, batch dimension first (None). */
  public Shape shape() {
    return shape;
  }

  public String dtype() {
    return dtype;
  }

  /** The layer that produced this tensor (Keras' {@code _keras_history.operation}). */
  public Object layer() {
    return layer;
  }

  public int nodeIndex() {
    return nodeIndex;
  }

  public int tensorIndex() {
    return tensorIndex;
  }

  @Override
  public String toString() {
    return "<KerasTensor shape=" + shape + ", dtype=" + dtype + ">";
  }
}
