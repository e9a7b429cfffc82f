package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** Softmax along {@code axis}. Keras equivalent: {@code keras.layers.Softmax(axis=-1)}. */
public class Softmax extends Layer {
  private final int axis;

  public Softmax() {
    this(-1);
  }

  public Softmax(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.softmax(input, axis);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}
