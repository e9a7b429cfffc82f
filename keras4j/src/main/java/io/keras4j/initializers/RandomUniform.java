package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;
import java.util.Random;

/** Uniform values. Keras equivalent: {@code keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=None)}. */
public class RandomUniform extends RandomInitializer {
  private double minval;
  private double maxval;

  /** Keras' defaults: minval=-0.05, maxval=0.05, unseeded. */
  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  /** Unseeded, with the given minval and maxval. */
  public RandomUniform(double minval, double maxval) {
    this(minval, maxval, null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public RandomUniform(double minval, double maxval, long seed) {
    this(minval, maxval, Long.valueOf(seed));
  }

  private RandomUniform(double minval, double maxval, Long seed) {
    super(seed);
    this.minval = minval;
    this.maxval = maxval;
  }

  @Override
  public float[] call(Shape shape) {
    Random r = random();
    float[] v = new float[size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (minval + (maxval - minval) * r.nextDouble());
    }
    return v;
  }

  /** Sets Keras' {@code minval=}. Default -0.05. */
  public RandomUniform minval(double minval) {
    this.minval = minval;
    return this;
  }
  /** Sets Keras' {@code maxval=}. Default 0.05. */
  public RandomUniform maxval(double maxval) {
    this.maxval = maxval;
    return this;
  }
  /** Sets the seed (Keras' {@code seed=}): the same seed gives the same values. Default: none, fresh values at each call. */
  public RandomUniform seed(long seed) {
    setSeed(seed);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("minval", minval);
    c.put("maxval", maxval);
    return c;
  }

  /** A RandomUniform from its Keras config. */
  public static RandomUniform fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("RandomUniform", config);
    return new RandomUniform(c.number("minval", -0.05), c.number("maxval", 0.05), c.optionalLong("seed"));
  }
}
