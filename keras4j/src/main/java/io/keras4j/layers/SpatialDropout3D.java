package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Drops whole 3D feature maps (channels) of volumes during training.
 *
 * <p>Keras equivalent: {@code keras.layers.SpatialDropout3D(rate, data_format=None, seed=None)}
 * (keras/src/layers/regularization/spatial_dropout.py): dropout with noise shape {@code (batch, 1, 1, 1, channels)}
 * (channels-last) or {@code (batch, channels, 1, 1, 1)} (channels-first). Keras' config of this layer has no
 * {@code trainable} key, and neither has this one.
 * <pre>{@code model.add(new SpatialDropout3D(0.2)); // after a Conv3D}</pre>
 */
public class SpatialDropout3D extends BaseDropout<SpatialDropout3D> {
  private String dataFormat = "channels_last";

  /** Spatial dropout of {@code rate}, in [0, 1]. */
  public SpatialDropout3D(double rate) {
    super(rate);
    inputSpec(new InputSpec().ndim(5));
  }

  /** Sets "channels_last" or "channels_first" (Keras' {@code data_format=}). Default "channels_last". */
  public SpatialDropout3D dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.check(dataFormat, name());
    return this;
  }

  @Override
  protected int[] noiseShapeFor(Tensor input) {
    return dataFormat.equals("channels_last") ? new int[] {-1, 1, 1, 1, -1} : new int[] {-1, -1, 1, 1, 1};
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("trainable");
    c.put("dtype", dtype()); // Keras writes this layer's dtype as a plain string
    c.put("data_format", dataFormat);
    return c;
  }

  /** A SpatialDropout3D layer from its Keras config (Keras' {@code SpatialDropout3D.from_config}). */
  public static SpatialDropout3D fromConfig(Map<String, Object> config) {
    Config c = new Config("SpatialDropout3D", config);
    SpatialDropout3D d = new SpatialDropout3D(c.number("rate"))
        .dataFormat(c.string("data_format", "channels_last"));
    Long seed = c.optionalLong("seed");
    return withBaseConfig(seed == null ? d : d.seed(seed), c);
  }
}
