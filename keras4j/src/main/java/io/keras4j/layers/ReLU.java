package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Rectified linear unit with Keras' options.
 *
 * <p>Keras equivalent: {@code keras.layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}.
 */
public class ReLU extends Layer {
  private Double maxValue;
  private double negativeSlope;
  private double threshold;

  /** Sets the cap (Keras' {@code max_value=}). Default none. */
  public ReLU maxValue(Double maxValue) {
    if (maxValue != null && maxValue < 0) {
      throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. Received: " + maxValue);
    }
    this.maxValue = maxValue;
    return this;
  }

  /** Sets the slope below the threshold (Keras' {@code negative_slope=}). Default 0. */
  public ReLU negativeSlope(double negativeSlope) {
    if (negativeSlope < 0) {
      throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be a negative value. Received: "
          + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  /** Sets the threshold (Keras' {@code threshold=}). Default 0. */
  public ReLU threshold(double threshold) {
    this.threshold = threshold;
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.relu(input, negativeSlope, maxValue, threshold);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", maxValue);
    c.put("negative_slope", negativeSlope);
    c.put("threshold", threshold);
    return c;
  }
}
