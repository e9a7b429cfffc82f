package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Rectified linear unit with Keras' options: {@code min(x, max_value)} for x >= threshold,
 * {@code negative_slope * (x - threshold)} otherwise.
 *
 * <p>Keras equivalent: {@code keras.layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}; Keras 2's
 * {@code ThresholdedReLU(theta)} reads as {@code new ReLU().threshold(theta)}.
 * <pre>{@code model.add(new ReLU().maxValue(6));}</pre>
 */
public class ReLU extends BaseLayer<ReLU> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private double maxValue = Double.NaN; // NaN: unset (Keras' None)
  private double negativeSlope;
  private double threshold;

  /** Sets the cap, >= 0 (Keras' {@code max_value=}). Default none (no cap). */
  public ReLU maxValue(double maxValue) {
    checkNotBuilt("max_value");
    if (!(maxValue >= 0)) {
      throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. Received: max_value="
          + maxValue);
    }
    this.maxValue = maxValue;
    return this;
  }

  /** Sets the slope below the threshold, >= 0 (Keras' {@code negative_slope=}). Default 0. */
  public ReLU negativeSlope(double negativeSlope) {
    checkNotBuilt("negative_slope");
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be a negative value. Received: "
          + "negative_slope=" + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  /** Sets the threshold below which the slope applies, >= 0 (Keras' {@code threshold=}). Default 0. */
  public ReLU threshold(double threshold) {
    checkNotBuilt("threshold");
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold of a ReLU layer cannot be a negative value. Received: threshold="
          + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  /** The cap, or NaN when none is set. */
  public double maxValue() {
    return maxValue;
  }

  /** The input's shape (Keras' {@code compute_output_shape}): found without tracing a scratch graph. */
  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(inputShapes.get(0));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return Activations.relu(input, negativeSlope, Double.isNaN(maxValue) ? null : maxValue, threshold);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", Double.isNaN(maxValue) ? null : maxValue);
    c.put("negative_slope", negativeSlope);
    c.put("threshold", threshold);
    return c;
  }

  /** A ReLU from its Keras config (Keras' {@code ReLU.from_config}). */
  public static ReLU fromConfig(Map<String, Object> config) {
    Config c = new Config("ReLU", config);
    ReLU r = new ReLU().negativeSlope(c.number("negative_slope", 0)).threshold(c.number("threshold", 0));
    if (c.has("max_value")) {
      r.maxValue(c.number("max_value", 0));
    }
    return withBaseConfig(r, c);
  }

  /** Keras 2's {@code ThresholdedReLU(theta=1.0)} as a ReLU of that threshold. */
  public static ReLU fromThresholdedConfig(Map<String, Object> config) {
    Config c = new Config("ThresholdedReLU", config);
    return withBaseConfig(new ReLU().threshold(c.number("theta", 1.0)), c);
  }
}
