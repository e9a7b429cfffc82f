package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Dropout that keeps the inputs' mean and variance, for self-normalising (SELU) networks: dropped units are set to
 * SELU's negative saturation value, then all are scaled and shifted back.
 *
 * <p>Keras equivalent: {@code keras.layers.AlphaDropout(rate, noise_shape=None, seed=None)}
 * (keras/src/layers/regularization/alpha_dropout.py). In training, with {@code alpha' = -1.6732632 * 1.0507010}
 * and a mask {@code k} (1 where a uniform draw is {@code >= rate}):
 * {@code a ((x k + alpha' (1 - k)) - b)}, {@code a = ((1 - rate)(1 + rate alpha'^2))^-0.5},
 * {@code b = -a alpha' rate} added. Identity at inference.
 * <pre>{@code model.add(new Dense(64).activation("selu")); model.add(new AlphaDropout(0.1));}</pre>
 */
public class AlphaDropout extends BaseDropout<AlphaDropout> {
  private static final double ALPHA = 1.6732632423543772848170429916717;
  private static final double SCALE = 1.0507009873554804934193349852946;
  private int[] noiseShape;

  /** Alpha dropout of {@code rate}, in [0, 1]. */
  public AlphaDropout(double rate) {
    super(rate);
  }

  /**
   * Sets the mask's shape, batch first, -1 meaning the input's size (Keras' {@code noise_shape=}, None written as
   * -1). Default: the input's shape.
   */
  public AlphaDropout noiseShape(int... noiseShape) {
    checkNotBuilt("noise_shape");
    this.noiseShape = require(noiseShape, "noise_shape").clone();
    return this;
  }

  @Override
  protected int[] noiseShapeFor(Tensor input) {
    return noiseShape;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    double rate = rate();
    if (!training || rate == 0) {
      return input;
    }
    Ops ops = ops();
    double alphaP = -ALPHA * SCALE;
    Tensor kept = ops.cast(ops.greaterEqual(ops.statelessRandomUniform(noiseShape(input), seedGenerator().next(), 0f, 1f),
        ops.constant((float) rate)), "float32");
    double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
    double b = -a * alphaP * rate;
    // x * kept + alpha' * (1 - kept)
    Tensor x = ops.add(ops.multiply(input, kept), ops.multiply(ops.add(ops.negative(kept), 1f), (float) alphaP));
    return ops.add(ops.multiply(x, (float) a), (float) b);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("noise_shape", noiseShape == null ? null : Dropout.nullForUnknown(noiseShape));
    return c;
  }

  /** An AlphaDropout layer from its Keras config (Keras' {@code AlphaDropout.from_config}); null sizes are -1. */
  public static AlphaDropout fromConfig(Map<String, Object> config) {
    Config c = new Config("AlphaDropout", config);
    AlphaDropout d = new AlphaDropout(c.number("rate"));
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      d.seed(seed);
    }
    int[] noiseShape = Dropout.readNoiseShape(c);
    if (noiseShape != null) {
      d.noiseShape(noiseShape);
    }
    return withBaseConfig(d, c);
  }
}
