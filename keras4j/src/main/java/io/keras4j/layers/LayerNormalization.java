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
 * beta have the shape of the normalised axes (in the order given).
 * <pre>{@code model.add(new LayerNormalization().epsilon(1e-6));}</pre>
 */
public class LayerNormalization extends BaseNormalization<LayerNormalization> {
  private int[] axes = {-1};
  private boolean rmsScaling;
  private Variable gamma;
  private Variable beta;

  /**
   * Sets the normalised axis or axes, negative counting from the end (Keras' {@code axis=}, an int or a list).
   * Default -1.
   */
  public LayerNormalization axis(int... axes) {
    checkNotBuilt("axis");
    if (axes == null || axes.length == 0) {
      throw new IllegalArgumentException("LayerNormalization: `axis` needs at least one axis. Received: axis=[]");
    }
    this.axes = axes.clone();
    return this;
  }

  /** The axes made non-negative for a tensor of {@code rank}, in the order given. */
  private int[] axes(int rank) {
    int[] a = new int[axes.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
      if (a[i] < 0 || a[i] >= rank) {
        throw new IllegalArgumentException("Layer '" + name() + "': axis " + axes[i] + " is out of range for "
            + "inputs of rank " + rank);
      }
    }
    return a;
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
    int[] a = axes(inputShape.rank());
    long[] dims = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      dims[i] = inputShape.get(a[i]);
      if (dims[i] < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': axis " + axes[i] + " of the input must be known. "
            + "Received: input_shape=" + inputShape);
      }
    }
    if (scale() || rmsScaling) {
      gamma = addGamma(Shape.of(dims));
    }
    if (center() && !rmsScaling) {
      beta = addBeta(Shape.of(dims));
    }
    for (Variable v : weights()) {
      v.autocast(false); // Keras: add_weight(..., autocast=False)
    }
  }

  /** False, as Keras' LayerNormalization: the input keeps its dtype and is normalized in float32. */
  @Override
  protected boolean autocast() {
    return false;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    // Keras' ops.layer_normalization computes in result_type(x.dtype, "float32"); the layer casts to compute_dtype
    return ops().cast(normalize(ops().cast(input, "float32")), computeDtype());
  }

  private Tensor normalize(Tensor input) {
    Ops ops = ops();
    int rank = input.rank();
    int[] a = axes(rank);
    long[] bshape = new long[rank];
    java.util.Arrays.fill(bshape, 1);
    for (int d : a) {
      bshape[d] = input.shape().get(d);
    }
    Tensor mean = ops.mean(input, a, true);
    Tensor variance = ops.mean(ops.square(ops.subtract(input, mean)), a, true);
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
    c.put("axis", axes.length == 1 ? (Object) axes[0] : java.util.Arrays.stream(axes).boxed().toList());
    putEpsilonCenterScale(c);
    c.put("rms_scaling", rmsScaling);
    putInitializers(c);
    putRegularizersAndConstraints(c);
    return c;
  }

  /** A LayerNormalization layer from its Keras config (Keras' {@code LayerNormalization.from_config}). */
  public static LayerNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("LayerNormalization", config);
    LayerNormalization l = readShared(new LayerNormalization(), c).axis(c.ints("axis", new int[] {-1}))
        .rmsScaling(c.bool("rms_scaling", false));
    return withBaseConfig(l, c);
  }
}
