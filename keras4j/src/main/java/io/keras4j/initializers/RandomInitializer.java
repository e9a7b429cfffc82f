package io.keras4j.initializers;

import io.keras4j.backend.Backend;
import java.util.Map;
import java.util.Random;

/**
 * Base of the random initializers: a seed, or a fresh seed from the global generator at each call.
 *
 * <p>Porting note: values come from Java's generator, so they differ from Keras' for the same seed; the
 * distributions are Keras'.
 */
public abstract class RandomInitializer extends Initializer {
  /** The seed {@link #bind} drew for the call running on this thread, or null. */
  private static final ThreadLocal<Long> BOUND = new ThreadLocal<>();
  private Long seed;

  protected RandomInitializer(Long seed) {
    this.seed = seed;
  }

  /** Sets the seed; subclasses expose it as Keras' {@code seed=} setter returning their own type. */
  protected void setSeed(long seed) {
    this.seed = seed;
  }

  /** The seed, or null. */
  protected Long seed() {
    return seed;
  }

  /** The generator for one call: seeded by {@code seed}, or by the global generator when the seed is null. */
  protected Random random() {
    Long bound = BOUND.get();
    return Backend.random(bound != null ? bound : seed);
  }

  /** Draws the call's seed now (the global generator's next seed when unseeded); the values when first used. */
  @Override
  public java.util.function.Supplier<float[]> bind(io.keras4j.backend.Shape shape) {
    long drawn = seed != null ? seed : Backend.nextSeed();
    return () -> {
      Long saved = BOUND.get();
      BOUND.set(drawn);
      try {
        return call(shape);
      } finally {
        BOUND.set(saved);
      }
    };
  }

  /** Normal values truncated at two standard deviations, as Keras' {@code truncated_normal}. */
  protected static float truncated(Random r, double mean, double stddev) {
    double x;
    do {
      x = r.nextGaussian();
    } while (Math.abs(x) > 2);
    return (float) (mean + stddev * x);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("seed", seed);
    return c;
  }
}
