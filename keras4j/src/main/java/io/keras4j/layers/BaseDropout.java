package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.random.SeedGenerator;
import java.util.List;
import java.util.Map;

/**
 * The base of Dropout, AlphaDropout and the spatial dropouts: the rate, the seed, the mask's shape and the masked
 * call.
 *
 * <p>Keras equivalent: {@code keras.layers.Dropout(rate, noise_shape=None, seed=None)}, which Keras' spatial
 * dropouts subclass. Porting note: a separate generic base, so that each subclass' setters return that subclass.
 * As in Keras, a layer of rate > 0 owns a {@link SeedGenerator} of its seed: each training call draws the mask from
 * the generator's state and advances it, and the state is saved with the model.
 *
 * @param <T> the concrete dropout layer
 */
public abstract class BaseDropout<T extends BaseDropout<T>> extends BaseLayer<T> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private final double rate;
  private long seed = Backend.nextSeed();
  /** The seed given by {@code seed(..)} or the config; null when drawn (Keras writes {@code "seed": null}). */
  private Long givenSeed;
  private SeedGenerator seedGenerator;

  /** Dropout of {@code rate}, in [0, 1]. */
  protected BaseDropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value "
          + "between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
    this.seedGenerator = rate > 0 ? new SeedGenerator(seed) : null;
  }

  /** Sets the seed of the dropout masks (Keras' {@code seed=}). Default: drawn from the global generator. */
  public T seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.givenSeed = seed;
    this.seedGenerator = rate > 0 ? new SeedGenerator(seed) : null;
    return self();
  }

  /** The fraction of inputs dropped. */
  public double rate() {
    return rate;
  }

  /** The seed of the dropout masks. */
  public long seed() {
    return seed;
  }

  /** The mask's shape for {@code input}, batch first, -1 meaning the input's size; null for the input's shape. */
  protected abstract int[] noiseShapeFor(Tensor input);

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (!training || rate == 0) {
      return input;
    }
    Ops ops = ops();
    return ops.statelessDropout(input, rate, noiseShape(input), seedGenerator.next());
  }

  /** The generator of the masks (Keras' {@code seed_generator}); null when the rate is 0. */
  protected SeedGenerator seedGenerator() {
    return seedGenerator;
  }

  /** The generator of the masks (Keras' {@code seed_generator}); none when the rate is 0. */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return seedGenerator == null ? List.of() : List.of(seedGenerator);
  }

  /** The mask's shape as a tensor: {@link #noiseShapeFor}, its -1 sizes taken from {@code input}. */
  protected final Tensor noiseShape(Tensor input) {
    Ops ops = ops();
    int[] noiseShape = noiseShapeFor(input);
    if (noiseShape == null) {
      return ops.shapeOf(input);
    }
    Tensor[] dims = new Tensor[noiseShape.length];
    for (int i = 0; i < noiseShape.length; i++) {
      dims[i] = noiseShape[i] < 0 ? ops.dimension(input, i) : ops.constant(new int[] {noiseShape[i]}, Shape.scalar());
    }
    return ops.stack(List.of(dims), 0);
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
}
