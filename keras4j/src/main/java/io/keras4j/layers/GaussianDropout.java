package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Multiplies inputs by Gaussian noise of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))} in training.
 *
 * <p>Keras equivalent: {@code keras.layers.GaussianDropout(rate, seed=None)}. Identity at inference.
 * <pre>{@code model.add(new GaussianDropout(0.2));}</pre>
 */
public class GaussianDropout extends BaseLayer<GaussianDropout> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final double rate;
  private long seed = Backend.nextSeed();
  /** The seed given by {@code seed(..)} or the config; null when drawn (Keras writes {@code "seed": null}). */
  private Long givenSeed;
  private SeedGenerator seedGenerator;

  /** Gaussian dropout of {@code rate}, in [0, 1). */
  public GaussianDropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value "
          + "between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
    this.seedGenerator = rate > 0 ? new SeedGenerator(seed) : null;
  }

  /** Sets the seed (Keras' {@code seed=}). Default: drawn from the global generator. */
  public GaussianDropout seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.givenSeed = seed;
    this.seedGenerator = rate > 0 ? new SeedGenerator(seed) : null;
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (!training || rate == 0) {
      return input;
    }
    Ops ops = ops();
    float stddev = (float) Math.sqrt(rate / (1 - rate));
    return ops.multiply(input, ops.statelessRandomNormal(ops.shapeOf(input), seedGenerator.next(), 1f, stddev));
  }

  /** The generator of the noise (Keras' {@code seed_generator}), saved with the model; none when inactive. */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return seedGenerator == null ? List.of() : List.of(seedGenerator);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", givenSeed);
    return c;
  }

  /** A GaussianDropout layer from its Keras config (Keras' {@code GaussianDropout.from_config}). */
  public static GaussianDropout fromConfig(Map<String, Object> config) {
    Config c = new Config("GaussianDropout", config);
    GaussianDropout g = new GaussianDropout(c.number("rate"));
    Long seed = c.optionalLong("seed");
    return withBaseConfig(seed == null ? g : g.seed(seed), c);
  }
}
