package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Drops whole feature maps (channels) of (batch, steps, channels) inputs during training.
 *
 * <p>Keras equivalent: {@code keras.layers.SpatialDropout1D(rate, seed=None)}: dropout with noise shape
 * {@code (batch, 1, channels)}. Keras' config of this layer has no {@code trainable} key, and neither has this one.
 * <pre>{@code model.add(new SpatialDropout1D(0.2));}</pre>
 */
public class SpatialDropout1D extends BaseDropout<SpatialDropout1D> {
  /** Spatial dropout of {@code rate}, in [0, 1]. */
  public SpatialDropout1D(double rate) {
    super(rate);
    inputSpec(new InputSpec().ndim(3));
  }

  @Override
  protected int[] noiseShapeFor(Tensor input) {
    return new int[] {-1, 1, -1};
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("trainable");
    c.put("dtype", dtype()); // Keras writes this layer's dtype as a plain string
    return c;
  }

  /** A SpatialDropout1D layer from its Keras config (Keras' {@code SpatialDropout1D.from_config}). */
  public static SpatialDropout1D fromConfig(Map<String, Object> config) {
    Config c = new Config("SpatialDropout1D", config);
    SpatialDropout1D d = new SpatialDropout1D(c.number("rate"));
    Long seed = c.optionalLong("seed");
    return withBaseConfig(seed == null ? d : d.seed(seed), c);
  }
}
