package io.keras4j.initializers;

import io.keras4j.backend.Shape;

/** Ones. Keras equivalent: {@code keras.initializers.Ones}. */
public class Ones extends Initializer {
  @Override
  public float[] call(Shape shape) {
    float[] v = new float[size(shape)];
    java.util.Arrays.fill(v, 1f);
    return v;
  }

  /** A Ones initializer from its (empty) Keras config. */
  public static Ones fromConfig(java.util.Map<String, Object> config) {
    return new Ones();
  }
}
