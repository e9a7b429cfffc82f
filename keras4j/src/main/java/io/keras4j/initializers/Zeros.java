package io.keras4j.initializers;

import io.keras4j.backend.Shape;

/** Zeros. Keras equivalent: {@code keras.initializers.Zeros}. */
public class Zeros extends Initializer {
  @Override
  public float[] call(Shape shape) {
    return new float[size(shape)];
  }

  /** A Zeros initializer from its (empty) Keras config. */
  public static Zeros fromConfig(java.util.Map<String, Object> config) {
    return new Zeros();
  }
}
