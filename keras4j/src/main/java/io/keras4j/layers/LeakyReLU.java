package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import java.util.Map;

/** {@code x} for x >= 0, {@code negativeSlope * x} otherwise. Keras equivalent: {@code keras.layers.LeakyReLU(negative_slope=0.3)}. */
public class LeakyReLU extends Layer {
  private final double negativeSlope;

  public LeakyReLU() {
    this(0.3);
  }

  public LeakyReLU(double negativeSlope) {
    if (negativeSlope < 0) {
      throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be None or negative. "
          + "Received: negative_slope=" + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.leakyRelu(input, negativeSlope);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("negative_slope", negativeSlope);
    return c;
  }
}
