package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * {@code x} for x >= 0, {@code negativeSlope * x} otherwise.
 *
 * <p>Keras equivalent: {@code keras.layers.LeakyReLU(negative_slope=0.3)} (Keras 2 called it {@code alpha}).
 * <pre>{@code model.add(new LeakyReLU().negativeSlope(0.1));}</pre>
 */
public class LeakyReLU extends BaseLayer<LeakyReLU> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private double negativeSlope = 0.3;

  /** A leaky ReLU of slope 0.3. */
  public LeakyReLU() {}

  /** The same as {@code new LeakyReLU().negativeSlope(negativeSlope)}. */
  public LeakyReLU(double negativeSlope) {
    negativeSlope(negativeSlope);
  }

  /** Sets the slope for negative inputs, >= 0 (Keras' {@code negative_slope=}). Default 0.3. */
  public LeakyReLU negativeSlope(double negativeSlope) {
    checkNotBuilt("negative_slope");
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be None or negative. "
          + "Received: negative_slope=" + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  /** The input's shape (Keras' {@code compute_output_shape}): found without tracing a scratch graph. */
  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(inputShapes.get(0));
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

  /** A LeakyReLU from its Keras config (Keras' {@code LeakyReLU.from_config}); Keras 2's {@code alpha} is read too. */
  public static LeakyReLU fromConfig(Map<String, Object> config) {
    Config c = new Config("LeakyReLU", config);
    return withBaseConfig(new LeakyReLU(c.number("negative_slope", c.number("alpha", 0.3))), c);
  }
}
