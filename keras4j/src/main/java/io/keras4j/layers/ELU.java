package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** Exponential linear unit. Keras equivalent: {@code keras.layers.ELU(alpha=1.0)}. */
public class ELU extends Layer {
  private final double alpha;

  public ELU() {
    this(1.0);
  }

  public ELU(double alpha) {
    this.alpha = alpha;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.elu(input, alpha);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }
}
