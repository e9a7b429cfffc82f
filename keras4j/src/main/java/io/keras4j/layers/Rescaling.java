package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
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
  /** Keras' list {@code scale}: one factor per channel (the last axis); null for a single number. */
  private double[] channelScale;

  /** Multiplies by {@code scale} (Keras' {@code scale}). */
  public Rescaling(double scale) {
    this.scale = scale;
  }

  /** Multiplies channel {@code c} (the last axis) by {@code scale[c]}: Keras' {@code scale} given as a list. */
  public Rescaling(double[] scale) {
    this.scale = 1;
    this.channelScale = scale.clone();
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
    if (channelScale != null) {
      float[] factors = new float[channelScale.length];
      for (int i = 0; i < factors.length; i++) {
        factors[i] = (float) channelScale[i];
      }
      Tensor scaled = ops.multiply(input, ops.constant(factors, Shape.of(factors.length)));
      return ops.add(scaled, (float) offset);
    }
    return ops.add(ops.multiply(input, (float) scale), (float) offset);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", channelScale != null ? Arrays.stream(channelScale).boxed().toList() : scale);
    c.put("offset", offset);
    return c;
  }

  /** A Rescaling layer from its Keras config (Keras' {@code Rescaling.from_config}). */
  public static Rescaling fromConfig(Map<String, Object> config) {
    Config c = new Config("Rescaling", config);
    if (!c.has("scale")) {
      throw new IllegalArgumentException("Rescaling config lacks the required `scale`. Received: " + config);
    }
    Rescaling layer = config.get("scale") instanceof List<?> ? new Rescaling(c.numbers("scale", null))
        : new Rescaling(c.number("scale", 1));
    return withBaseConfig(layer.offset(c.number("offset", 0)), c);
  }
}
