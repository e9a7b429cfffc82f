package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;

/** A constant value. Keras equivalent: {@code keras.initializers.Constant(value=0.0)}. */
public class Constant extends Initializer {
  private float value;

  /** Zeros, Keras' default {@code value=0.0}. */
  public Constant() {
    this(0.0);
  }

  /** The constant {@code value}. */
  public Constant(double value) {
    this.value = (float) value;
  }

  @Override
  public float[] call(Shape shape) {
    float[] v = new float[size(shape)];
    java.util.Arrays.fill(v, value);
    return v;
  }

  /** Sets Keras' {@code value=}. Default 0.0. */
  public Constant value(double value) {
    this.value = (float) value;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("value", (double) value);
    return c;
  }

  /** A Constant initializer from its Keras config. */
  public static Constant fromConfig(Map<String, Object> config) {
    return new Constant(new io.keras4j.saving.Config("Constant", config).number("value", 0.0));
  }
}
