package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;

/**
 * Normalises each sample over groups of channels (and all spatial positions), channels-last.
 *
 * <p>Keras equivalent: {@code keras.layers.GroupNormalization(groups=32, axis=-1, epsilon=0.001, center=True,
 * scale=True)}; gamma and beta are per channel. groups=1 is layer normalisation over all features, groups=channels
 * is instance normalisation.
 */
public class GroupNormalization extends Layer {
  private int groups = 32;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Variable gamma;
  private Variable beta;

  /** Sets the number of groups (Keras' {@code groups=}). Default 32. */
  public GroupNormalization groups(int groups) {
    checkNotBuilt("groups");
    this.groups = groups;
    return this;
  }

  /** Sets the variance epsilon (Keras' {@code epsilon=}). Default 1e-3. */
  public GroupNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    this.epsilon = epsilon;
    return this;
  }

  /** Sets whether beta is added (Keras' {@code center=}). Default true. */
  public GroupNormalization center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return this;
  }

  /** Sets whether gamma multiplies (Keras' {@code scale=}). Default true. */
  public GroupNormalization scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    long c = inputShape.get(-1);
    if (c < 0 || c % groups != 0) {
      throw new IllegalArgumentException("Number of groups (" + groups + ") must be a multiple of the number of "
          + "channels (" + c + ") in layer '" + name() + "'. Input shape: " + inputShape);
    }
    if (scale) {
      gamma = addWeight("gamma", Shape.of(c), "ones", null, null, true);
    }
    if (center) {
      beta = addWeight("beta", Shape.of(c), "zeros", null, null, true);
    }
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Shape s = input.shape();
    int rank = s.rank();
    long c = s.get(-1);
    long[] grouped = new long[rank + 1];
    grouped[0] = -1;
    for (int i = 1; i < rank - 1; i++) {
      grouped[i] = s.get(i);
    }
    grouped[rank - 1] = groups;
    grouped[rank] = c / groups;
    Tensor g = ops.reshape(input, grouped);
    int[] axes = new int[rank - 1];
    for (int i = 1; i < rank - 1; i++) {
      axes[i - 1] = i;
    }
    axes[rank - 2] = rank;
    Tensor mean = ops.mean(g, axes, true);
    Tensor variance = ops.mean(ops.square(ops.subtract(g, mean)), axes, true);
    Tensor normed = ops.multiply(ops.subtract(g, mean), ops.rsqrt(ops.add(variance, (float) epsilon)));
    long[] back = s.dims();
    back[0] = -1;
    Tensor y = ops.reshape(normed, back);
    if (gamma != null) {
      y = ops.multiply(y, ops.read(gamma));
    }
    return beta == null ? y : ops.add(y, ops.read(beta));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("groups", groups);
    c.put("axis", -1);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    return c;
  }
}
