package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Normalises each sample over {@code axis}: {@code gamma (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>Keras equivalent: {@code keras.layers.LayerNormalization(axis=-1, epsilon=0.001, center=True, scale=True,
 * rms_scaling=False, beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None, ...)}; gamma and
 * beta have the shape of the normalised axis. One axis only.
 * <pre>{@code model.add(new LayerNormalization().epsilon(1e-6));}</pre>
 */
public class LayerNormalization extends BaseNormalization<LayerNormalization> {
  private int axis = -1;
  private boolean rmsScaling;
  private Variable gamma;
  private Variable beta;

  /** Sets the normalised axis, negative counting from the end (Keras' {@code axis=}). Default -1. */
  public LayerNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  /**
   * Sets Keras' deprecated RMS scaling (Keras' {@code rms_scaling=}): {@code x * gamma / sqrt(var + eps)}, without
   * centring or beta. Default false.
   */
  public LayerNormalization rmsScaling(boolean rmsScaling) {
    checkNotBuilt("rms_scaling");
    this.rmsScaling = rmsScaling;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    long dim = inputShape.get(axis);
    if (dim < 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': axis " + axis + " of the input must be known. "
          + "Received: input_shape=" + inputShape);
    }
    if (scale() || rmsScaling) {
      gamma = addGamma(Shape.of(dim));
    }
    if (center() && !rmsScaling) {
      beta = addBeta(Shape.of(dim));
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
    Tensor inv = ops.rsqrt(ops.add(variance, (float) epsilon()));
    if (gamma != null) {
      inv = ops.multiply(inv, ops.reshape(ops.read(gamma), bshape));
    }
    Tensor y = ops.multiply(rmsScaling ? input : ops.subtract(input, mean), inv);
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
    putEpsilonCenterScale(c);
    c.put("rms_scaling", rmsScaling);
    putInitializers(c);
    putRegularizersAndConstraints(c);
    return c;
  }

  /** A LayerNormalization layer from its Keras config (Keras' {@code LayerNormalization.from_config}). */
  public static LayerNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("LayerNormalization", config);
    LayerNormalization l = readShared(new LayerNormalization(), c).axis(singleAxis(c, "axis", -1))
        .rmsScaling(c.bool("rms_scaling", false));
    return withBaseConfig(l, c);
  }
}
