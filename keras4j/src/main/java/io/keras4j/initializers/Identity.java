package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;

/** The identity matrix times {@code gain}. Keras equivalent: {@code keras.initializers.Identity(gain=1.0)}. */
public class Identity extends Initializer {
  private double gain;

  public Identity() {
    this(1.0);
  }

  public Identity(double gain) {
    this.gain = gain;
  }

  @Override
  public float[] call(Shape shape) {
    if (shape.rank() != 2) {
      throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D square matrices. "
          + "Received: shape=" + shape);
    }
    int rows = (int) shape.get(0);
    int cols = (int) shape.get(1);
    float[] v = new float[rows * cols];
    for (int i = 0; i < Math.min(rows, cols); i++) {
      v[i * cols + i] = (float) gain;
    }
    return v;
  }

  /** Sets Keras' {@code gain=}. Default 1.0. */
  public Identity gain(double gain) {
    this.gain = gain;
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    // Porting note: Keras 3.15.1 writes an empty config and so loses a gain other than 1; keras4j writes the gain
    // only then, so that its files keep it and default configs stay Keras' own.
    if (gain != 1.0) {
      c.put("gain", gain);
    }
    return c;
  }

  /** An Identity initializer from its Keras config. */
  public static Identity fromConfig(Map<String, Object> config) {
    return new Identity(new io.keras4j.saving.Config("Identity", config).number("gain", 1.0));
  }
}
