package io.keras4j.initializers;

import io.keras4j.backend.Shape;
import java.util.Map;
import java.util.Random;

/** Normal values. Keras equivalent: {@code keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)}. */
public class RandomNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public RandomNormal() {
    this(0.0, 0.05, null);
  }

  public RandomNormal(double mean, double stddev, Long seed) {
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

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mean", mean);
    c.put("stddev", stddev);
    return c;
  }
}
