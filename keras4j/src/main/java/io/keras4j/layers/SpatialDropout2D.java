package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Drops whole feature maps (channels) of images during training.
 *
 * <p>Keras equivalent: {@code keras.layers.SpatialDropout2D(rate, data_format=None, seed=None)}: dropout with noise
 * shape {@code (batch, 1, 1, channels)} (channels-last) or {@code (batch, channels, 1, 1)} (channels-first). Keras'
 * config of this layer has no {@code trainable} key, and neither has this one.
 * <pre>{@code model.add(new SpatialDropout2D(0.2));}</pre>
 */
public class SpatialDropout2D extends BaseDropout<SpatialDropout2D> {
  private String dataFormat = "channels_last";

  /** Spatial dropout of {@code rate}, in [0, 1]. */
  public SpatialDropout2D(double rate) {
    super(rate);
    inputSpec(new InputSpec().ndim(4));
  }

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public SpatialDropout2D dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.check(dataFormat, name());
    return this;
  }

  @Override
  protected int[] noiseShapeFor(Tensor input) {
    return dataFormat.equals("channels_last") ? new int[] {-1, 1, 1, -1} : new int[] {-1, -1, 1, 1};
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("trainable");
    c.put("dtype", dtype()); // Keras writes this layer's dtype as a plain string
    c.put("data_format", dataFormat);
    return c;
  }

  /** A SpatialDropout2D layer from its Keras config (Keras' {@code SpatialDropout2D.from_config}). */
  public static SpatialDropout2D fromConfig(Map<String, Object> config) {
    Config c = new Config("SpatialDropout2D", config);
    SpatialDropout2D d = new SpatialDropout2D(c.number("rate"))
        .dataFormat(c.string("data_format", "channels_last"));
    Long seed = c.optionalLong("seed");
    return withBaseConfig(seed == null ? d : d.seed(seed), c);
  }
}
