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
 * Adds zero-centred Gaussian noise of standard deviation {@code stddev} during training.
 *
 * <p>Keras equivalent: {@code keras.layers.GaussianNoise(stddev, seed=None)}. Identity at inference.
 * <pre>{@code model.add(new GaussianNoise(0.1).seed(42));}</pre>
 */
public class GaussianNoise extends BaseLayer<GaussianNoise> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final double stddev;
  private long seed = Backend.nextSeed();
  /** The seed given by {@code seed(..)} or the config; null when drawn (Keras writes {@code "seed": null}). */
  private Long givenSeed;
  private SeedGenerator seedGenerator;

  /** Noise of standard deviation {@code stddev}, >= 0. */
  public GaussianNoise(double stddev) {
    if (!(stddev >= 0)) {
      throw new IllegalArgumentException("Invalid value received for argument `stddev`. Expected a float value >= 0. "
          + "Received: stddev=" + stddev);
    }
    this.stddev = stddev;
    this.seedGenerator = stddev > 0 ? new SeedGenerator(seed) : null;
  }

  /** Sets the seed (Keras' {@code seed=}). Default: drawn from the global generator. */
  public GaussianNoise seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.givenSeed = seed;
    this.seedGenerator = stddev > 0 ? new SeedGenerator(seed) : null;
    return this;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (!training || stddev == 0) {
      return input;
    }
    Ops ops = ops();
    return ops.add(input, ops.statelessRandomNormal(ops.shapeOf(input), seedGenerator.next(), 0f, (float) stddev));
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
    c.put("stddev", stddev);
    c.put("seed", givenSeed);
    return c;
  }

  /** A GaussianNoise layer from its Keras config (Keras' {@code GaussianNoise.from_config}). */
  public static GaussianNoise fromConfig(Map<String, Object> config) {
    Config c = new Config("GaussianNoise", config);
    GaussianNoise g = new GaussianNoise(c.number("stddev"));
    Long seed = c.optionalLong("seed");
    return withBaseConfig(seed == null ? g : g.seed(seed), c);
  }
}
