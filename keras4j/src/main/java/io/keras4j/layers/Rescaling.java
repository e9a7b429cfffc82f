package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code x * scale + offset}.
 *
 * <p>Keras equivalent: {@code keras.layers.Rescaling(scale, offset=0.0)}.
 * <pre>{@code model.add(new Rescaling(1 / 127.5).offset(-1));  // [0, 255] to [-1, 1]}</pre>
 */
public class Rescaling extends BaseLayer<Rescaling> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final double scale;
  private double offset;

  /** Multiplies by {@code scale} (Keras' {@code scale}). */
  public Rescaling(double scale) {
    this.scale = scale;
  }

  /** The same as {@code new Rescaling(scale).offset(offset)}. */
  public Rescaling(double scale, double offset) {
    this.scale = scale;
    this.offset = offset;
  }

  /** Sets the value added after scaling (Keras' {@code offset=}). Default 0. */
  public Rescaling offset(double offset) {
    checkNotBuilt("offset");
    this.offset = offset;
    return this;
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

  /** A Rescaling layer from its Keras config (Keras' {@code Rescaling.from_config}). */
  public static Rescaling fromConfig(Map<String, Object> config) {
    Config c = new Config("Rescaling", config);
    if (!c.has("scale")) {
      throw new IllegalArgumentException("Rescaling config lacks the required `scale`. Received: " + config);
    }
    return withBaseConfig(new Rescaling(c.number("scale", 1)).offset(c.number("offset", 0)), c);
  }
}
