package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of the image augmentation layers: active in training only (identity at inference), seeded, and
 * applying the same random draw to every input of one call, so an image and its label map (a mask, a source map)
 * stay aligned: {@code flip.applyAll(List.of(image, mask), true)}. The draws come from a {@link SeedGenerator} of the
 * layer's seed, whose state is saved with the model.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomFlip} and friends ({@code BaseImagePreprocessingLayer}), whose
 * transformations apply alike to images and segmentation masks. Inputs are channels-last (batch, h, w, c).
 *
 * @param <T> the concrete augmentation layer
 */
public abstract class RandomImageLayer<T extends RandomImageLayer<T>> extends BaseLayer<T> {
  private long seed = Backend.nextSeed();
  /** The seed given by {@code seed(..)} or the config; null when drawn (Keras writes {@code "seed": null}). */
  private Long givenSeed;
  private SeedGenerator generator = new SeedGenerator(seed);
  private int gammaDraws;
  private String dataFormat = "channels_last";

  /** Sets the seed of the random draws (Keras' {@code seed=}). Default: from the global generator. */
  public T seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.givenSeed = seed;
    this.generator = new SeedGenerator(seed);
    return self();
  }

  /** Sets the images' layout (Keras' {@code data_format=}); keras4j supports "channels_last" only. Default that. */
  public T dataFormat(String dataFormat) {
    checkNotBuilt("data_format");
    this.dataFormat = DataFormats.channelsLast(dataFormat, name());
    return self();
  }

  /**
   * A uniform draw in [min, max) per sample, shape (batch,), from this layer's {@link SeedGenerator}: each draw
   * takes the generator's next seed, so the draws of one call differ and every training step advances the stream.
   */
  protected Tensor uniform(Ops ops, Tensor batch, float min, float max) {
    return ops.statelessRandomUniform(ops.reshape(batch, 1), generator.next(), min, max);
  }

  /** The generator of the random draws (Keras' {@code generator}), saved with the model. */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(generator);
  }

  /** A uniform draw in [min, max) of the given {@code shape} (a 1-D int tensor), from this layer's generator. */
  protected Tensor draw(Ops ops, Tensor shape, float min, float max) {
    return ops.statelessRandomUniform(shape, generator.next(), min, max);
  }

  /** A standard normal draw of the given {@code shape} (a 1-D int tensor), from this layer's generator. */
  protected Tensor normal(Ops ops, Tensor shape) {
    return ops.statelessRandomNormal(shape, generator.next(), 0f, 1f);
  }

  /**
   * Gamma(alpha, 1) draws of the given {@code shape} (alpha a scalar tensor), from this layer's seed.
   *
   * <p>Porting note: TensorFlow's stateful RandomGamma kernel, seeded per draw; its stream is not part of the
   * saved generator state, so MixUp's draws restart with a resumed fit.
   */
  protected Tensor gamma(Ops ops, Tensor shape, Tensor alpha) {
    return ops.randomGamma(shape, alpha, seed + 7919L * gammaDraws++);
  }

  /** Beta(alpha, alpha) draws of the given {@code shape} (alpha a scalar tensor), as Keras' {@code random.beta}. */
  protected Tensor beta(Ops ops, Tensor shape, Tensor alpha) {
    Tensor a = gamma(ops, shape, alpha);
    return ops.divide(a, ops.add(a, gamma(ops, shape, alpha)));
  }

  /**
   * A uniformly random permutation of {@code 0 .. batch - 1} (int64, shape (batch,)), as Keras'
   * {@code random.shuffle(arange(batch))}: the ranks of i.i.d. uniform draws.
   */
  protected Tensor permutation(Ops ops, Tensor batch) {
    Tensor u = uniform(ops, batch, 0, 1);
    Tensor ranks = ops.sum(ops.cast(ops.less(ops.reshape(u, 1, -1), ops.reshape(u, -1, 1)), "float32"),
        new int[] {1}, false);
    Tensor positions = ops.cast(ops.range(ops.constant(new int[] {0}, Shape.scalar()), batch), "float32");
    return ops.argmax(ops.cast(ops.equal(ops.reshape(ranks, 1, -1), ops.reshape(positions, -1, 1)), "float32"), 1);
  }

  /**
   * Whether each row ({@code axis} 1, shape (batch, length, 1, 1)) or column ({@code axis} 2, (batch, 1, length,
   * 1)) lies in a band of {@code ratio * length} (ratio (batch,)) starting uniformly within the image, as Keras'
   * RandomErasing and CutMix {@code _compute_crop_bounds}: {@code start <= i < start + crop}.
   */
  protected Tensor band(Ops ops, Tensor batch, Tensor ratio, long length, int axis) {
    Tensor crop = ops.multiply(ratio, (float) length);
    Tensor start = ops.multiply(uniform(ops, batch, 0, 1), ops.add(ops.negative(crop), (float) length));
    Tensor end = ops.add(start, crop);
    float[] grid = new float[(int) length];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = i;
    }
    Tensor g = ops.constant(grid, axis == 1 ? Shape.of(1, length, 1, 1) : Shape.of(1, 1, length, 1));
    return ops.logicalAnd(ops.greaterEqual(g, ops.reshape(start, -1, 1, 1, 1)),
        ops.less(g, ops.reshape(end, -1, 1, 1, 1)));
  }

  /** This layer's seed. */
  protected long seedValue() {
    return seed;
  }

  /**
   * The {@code seed} of the config: the one given, null when it was drawn from the global generator (Keras'
   * {@code self.seed}, None unless given); the drawn seed stays internal.
   */
  protected Long configSeed() {
    return givenSeed;
  }

  /** Whether Keras writes {@code seed} in this layer's config (AutoContrast, Equalization, RandomGrayscale don't). */
  protected boolean writesSeed() {
    return true;
  }

  /** The augmentation of one call: {@code inputs} transformed with the same random parameters. */
  protected abstract List<Tensor> augment(Ops ops, List<Tensor> inputs);

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    for (Tensor t : inputs) {
      if (t.rank() != 4) {
        throw new IllegalArgumentException("Layer '" + name() + "' expects channels-last images (batch, height, width, "
            + "channels). Received: " + t.shape());
      }
    }
    if (!training) {
      return inference(inputs);
    }
    return augment(ops(), inputs);
  }

  /**
   * This layer's training-mode augmentation of {@code inputs}: how a composite layer (RandomColorJitter, AugMix,
   * RandAugment) applies its parts.
   */
  List<Tensor> augmentPart(Ops ops, List<Tensor> inputs) {
    return augment(ops, inputs);
  }

  /**
   * {@link #augmentPart(Ops, List)} with the draws taken from {@code owner}'s generator, so a composite layer that
   * makes its parts afresh at each call keeps one random stream, saved with it.
   */
  List<Tensor> augmentPart(Ops ops, List<Tensor> inputs, RandomImageLayer<?> owner) {
    this.generator = owner.generator;
    return augment(ops, inputs);
  }

  /** The output at inference: the inputs unchanged. */
  protected List<Tensor> inference(List<Tensor> inputs) {
    return inputs;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return new ArrayList<>(in);
  }

  /** Per-sample choice: {@code cond} (batch,) true takes {@code a}, else {@code b}. */
  protected static Tensor choose(Ops ops, Tensor cond, Tensor a, Tensor b) {
    Tensor c = ops.cast(ops.reshape(ops.cast(cond, "float32"), -1, 1, 1, 1), "float32");
    return ops.add(ops.multiply(c, a), ops.multiply(ops.add(ops.negative(c), 1f), b));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat);
    if (writesSeed()) {
      c.put("seed", configSeed());
    }
    return c;
  }

  /** Checks a {@code value_range} argument: min < max. */
  protected void checkRange(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `value_range` must be [min, max] with min < max. "
          + "Received: value_range=(" + min + ", " + max + ")");
    }
  }

  /** The {@code value_range} pair of {@code c}, Keras' (0, 255) when absent. */
  protected static double[] valueRange(Config c) {
    double[] range = c.numbers("value_range", new double[] {0, 255});
    if (range.length != 2) {
      throw new IllegalArgumentException(c.className() + " config: `value_range` should be [min, max]. Received: "
          + "value_range=" + c.get("value_range"));
    }
    return range;
  }

  /** Reads {@code seed} (when not null) and {@code data_format} of {@code c} into {@code layer}, then the base keys. */
  protected static <L extends RandomImageLayer<L>> L withImageConfig(L layer, Config c) {
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      layer.seed(seed);
    }
    return withBaseConfig(layer.dataFormat(c.string("data_format", "channels_last")), c);
  }

  /**
   * A factor of {@code c}: a pair {@code [lower, upper]} as it is, or one number f as {@code [-|f|, |f|]};
   * {@code fallback} when absent.
   */
  protected static double[] factor(Config c, String key, double[] fallback) {
    double[] f = c.numbers(key, fallback);
    if (f == null) {
      return null;
    }
    if (f.length == 1) {
      return new double[] {-Math.abs(f[0]), Math.abs(f[0])};
    }
    if (f.length != 2) {
      throw new IllegalArgumentException(c.className() + " config: `" + key + "` should be a number or a list of 2 "
          + "numbers. Received: " + key + "=" + c.get(key));
    }
    return f;
  }

  /** A factor as Keras writes it: one number f for {@code [-f, f]}, else the pair {@code [lower, upper]}. */
  protected static Object factorConfig(double lower, double upper) {
    return upper >= 0 && lower == -upper ? (Object) upper : ConfigLists.of(lower, upper);
  }
}
