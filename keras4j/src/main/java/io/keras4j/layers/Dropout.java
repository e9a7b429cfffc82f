package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Sets a fraction {@code rate} of inputs to 0 during training and scales the rest by {@code 1/(1-rate)}.
 *
 * <p>Keras equivalent: {@code keras.layers.Dropout(rate, noise_shape=None, seed=None)}. Identity at inference.
 * <pre>{@code model.add(new Dropout(0.5));}</pre>
 */
public class Dropout extends Layer {
  private final double rate;
  private long seed = Backend.nextSeed();
  private int[] noiseShape;

  public Dropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value "
          + "between 0 and 1. Received: rate=" + rate);
    }
    this.rate = rate;
  }

  /** Sets the seed of the dropout masks (Keras' {@code seed=}). Default: drawn from the global generator. */
  public Dropout seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Sets the mask's shape, batch first, -1 meaning the input's size (Keras' {@code noise_shape=}). Default: the input's. */
  public Dropout noiseShape(int... noiseShape) {
    this.noiseShape = noiseShape.clone();
    return this;
  }

  public double rate() {
    return rate;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (!training || rate == 0) {
      return input;
    }
    Ops ops = ops();
    Tensor shape = ops.shapeOf(input);
    if (noiseShape != null) {
      Tensor[] dims = new Tensor[noiseShape.length];
      for (int i = 0; i < noiseShape.length; i++) {
        dims[i] = noiseShape[i] < 0 ? ops.dimension(input, i) : ops.constant(new int[] {noiseShape[i]}, Shape.scalar());
      }
      shape = ops.stack(List.of(dims), 0);
    }
    Tensor keep = ops.greaterEqual(ops.randomUniform(shape, 0f, 1f, seed), ops.constant((float) rate));
    Tensor mask = ops.cast(keep, "float32");
    return ops.multiply(input, ops.multiply(mask, (float) (1 / (1 - rate))));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", seed);
    if (!(this instanceof SpatialDropout1D) && !(this instanceof SpatialDropout2D)) {
      c.put("noise_shape", noiseShape);
    }
    return c;
  }
}
