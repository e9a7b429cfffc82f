package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;
import java.util.Map;

/**
 * Normalises each sample over {@code axis}: {@code gamma (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>Keras equivalent: {@code keras.layers.LayerNormalization(axis=-1, epsilon=0.001, center=True, scale=True,
 * beta_initializer="zeros", gamma_initializer="ones", ...)}; gamma and beta have the shape of the normalised axis.
 */
public class LayerNormalization extends Layer {
  private int axis = -1;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Variable gamma;
  private Variable beta;

  /** Sets the normalised axis (Keras' {@code axis=}). Default -1. */
  public LayerNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  /** Sets the variance epsilon (Keras' {@code epsilon=}). Default 1e-3. */
  public LayerNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    this.epsilon = epsilon;
    return this;
  }

  /** Sets whether beta is added (Keras' {@code center=}). Default true. */
  public LayerNormalization center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return this;
  }

  /** Sets whether gamma multiplies (Keras' {@code scale=}). Default true. */
  public LayerNormalization scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    long dim = inputShape.get(axis);
    if (scale) {
      gamma = addWeight("gamma", Shape.of(dim), "ones", null, null, true);
    }
    if (center) {
      beta = addWeight("beta", Shape.of(dim), "zeros", null, null, true);
    }
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    int rank = input.rank();
    int a = axis < 0 ? axis + rank : axis;
    long[] bshape = new long[rank];
    java.util.Arrays.fill(bshape, 1);
    bshape[a] = input.shape().get(a);
    Tensor mean = ops.mean(input, new int[] {a}, true);
    Tensor variance = ops.mean(ops.square(ops.subtract(input, mean)), new int[] {a}, true);
    Tensor inv = ops.rsqrt(ops.add(variance, (float) epsilon));
    if (gamma != null) {
      inv = ops.multiply(inv, ops.reshape(ops.read(gamma), bshape));
    }
    Tensor y = ops.multiply(ops.subtract(input, mean), inv);
    return beta == null ? y : ops.add(y, ops.reshape(ops.read(beta), bshape));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    return c;
  }
}
