package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;
import java.util.Random;

/** Normal values. Keras equivalent: {@code keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)}. */
public class RandomNormal extends RandomInitializer {
  private double mean;
  private double stddev;

  /** Keras' defaults: mean=0.0, stddev=0.05, unseeded. */
  public RandomNormal() {
    this(0.0, 0.05, null);
  }

  /** Unseeded, with the given mean and stddev. */
  public RandomNormal(double mean, double stddev) {
    this(mean, stddev, null);
  }

  /** Seeded with {@code seed} (Keras' {@code seed=}). */
  public RandomNormal(double mean, double stddev, long seed) {
    this(mean, stddev, Long.valueOf(seed));
  }

  private RandomNormal(double mean, double stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  @Override
  public float[] call(Shape shape) {
    Random r = random();
    float[] v = new float[size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (mean + stddev * r.nextGaussian());
    }
    return v;
  }

  /** Sets Keras' {@code mean=}. Default 0.0. */
  public RandomNormal mean(double mean) {
    this.mean = mean;
    return this;
  }
  /** Sets Keras' {@code stddev=}. Default 0.05. */
  public RandomNormal stddev(double stddev) {
    this.stddev = stddev;
    return this;
  }
  /** Sets the seed (Keras' {@code seed=}): the same seed gives the same values. Default: none, fresh values at each call. */
  public RandomNormal seed(long seed) {
    setSeed(seed);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mean", mean);
    c.put("stddev", stddev);
    return c;
  }

  /** A RandomNormal from its Keras config. */
  public static RandomNormal fromConfig(Map<String, Object> config) {
    io.keras4j.saving.Config c = new io.keras4j.saving.Config("RandomNormal", config);
    return new RandomNormal(c.number("mean", 0.0), c.number("stddev", 0.05), c.optionalLong("seed"));
  }
}
