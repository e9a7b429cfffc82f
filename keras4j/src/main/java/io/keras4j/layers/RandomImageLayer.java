package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of the image augmentation layers: active in training only (identity at inference), seeded, and
 * applying the same random draw to every input of one call, so an image and its label map (a mask, a source map)
 * stay aligned: {@code flip.applyAll(List.of(image, mask), true)}.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomFlip} and friends ({@code BaseImagePreprocessingLayer}), whose
 * transformations apply alike to images and segmentation masks. Inputs are channels-last (batch, h, w, c).
 */
public abstract class RandomImageLayer extends Layer {
  private long seed = Backend.nextSeed();
  private int draws;

  /** Sets the seed of the random draws (Keras' {@code seed=}). Default: from the global generator. */
  public RandomImageLayer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** A uniform draw in [min, max) per sample, shape (batch,), from this layer's seed. */
  protected Tensor uniform(Ops ops, Tensor batch, float min, float max) {
    return ops.randomUniform(ops.reshape(batch, 1), min, max, seed + 7919L * draws++);
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
    draws = 0;
    return augment(ops(), inputs);
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
    c.put("seed", seed);
    return c;
  }
}
