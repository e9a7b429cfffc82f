package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** {@code x * scale + offset}. Keras equivalent: {@code keras.layers.Rescaling(scale, offset=0.0)}. */
public class Rescaling extends Layer {
  private final double scale;
  private final double offset;

  public Rescaling(double scale) {
    this(scale, 0.0);
  }

  public Rescaling(double scale, double offset) {
    this.scale = scale;
    this.offset = offset;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    return ops.add(ops.multiply(input, (float) scale), (float) offset);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", scale);
    c.put("offset", offset);
    return c;
  }
}
