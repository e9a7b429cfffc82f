package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;

/**
 * Creates a model's symbolic input.
 *
 * <p>Keras equivalent: {@code keras.Input(shape=None, batch_size=None, dtype=None, name=None)}.
 * <pre>{@code KerasTensor inputs = Input.of(784); KerasTensor named = Input.of(Shape.of(28, 28, 1), "image");}</pre>
 */
public final class Input {
  private Input() {}

  /** An input of {@code shape}, batch dimension excluded. */
  public static KerasTensor of(int... shape) {
    return new InputLayer(shape).output();
  }

  /** A named input of {@code shape}, batch dimension excluded. */
  public static KerasTensor of(Shape shape, String name) {
    return new InputLayer(shape.withBatch(Shape.UNKNOWN), name).output();
  }

  /** An input of {@code shape} with a fixed batch size. */
  public static KerasTensor of(Shape shape, int batchSize, String name) {
    return new InputLayer(shape.withBatch(batchSize), name).output();
  }
}
