package io.keras4j.layers;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Standardises features with a mean and variance learned by {@link #adapt} or given, one per index of the kept
 * {@code axis} (the last by default; none for a single mean and variance).
 *
 * <p>Keras equivalent: {@code keras.layers.Normalization(axis=-1, mean=None, variance=None, invert=False)}:
 * output {@code (x - mean) / max(sqrt(variance), epsilon)}, epsilon 1e-7, or its inverse. Weights as Keras':
 * {@code [mean, variance, count]} (count an int64 scalar Keras keeps at 0 for older files) when learned by adapt;
 * none when a mean and variance are given (they are constants then).
 * <pre>{@code Normalization norm = new Normalization(); norm.adapt(xTrain); model.add(norm);}</pre>
 */
public class Normalization extends BaseLayer<Normalization> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private int[] axes = {-1};
  private boolean invert;
  private double[] fixedMean;
  private double[] fixedVariance;
  private float[] adaptedMean;
  private float[] adaptedVariance;
  private Variable mean;
  private Variable variance;
  private long[] broadcastShape;

  /**
   * Sets the kept axis or axes, negative counting from the end (Keras' {@code axis=}: an int, a list, or None,
   * here no axis at all, for one mean and variance over everything). Default -1.
   */
  public Normalization axis(int... axes) {
    checkNotBuilt("axis");
    this.axes = axes == null ? new int[0] : axes.clone();
    return this;
  }

  /**
   * Sets whether the layer undoes the normalisation, {@code x * std + mean} (Keras' {@code invert=}). Default
   * false.
   */
  public Normalization invert(boolean invert) {
    checkNotBuilt("invert");
    this.invert = invert;
    return this;
  }

  /**
   * Sets a fixed mean per kept index, or one for all (Keras' {@code mean=}); give {@link #variance} too, and do not
   * {@link #adapt}. Default none (learned by adapt).
   */
  public Normalization mean(double... mean) {
    checkNotBuilt("mean");
    this.fixedMean = mean.clone();
    return this;
  }

  /** Sets a fixed variance per kept index, or one for all (Keras' {@code variance=}). Default none (adapt). */
  public Normalization variance(double... variance) {
    checkNotBuilt("variance");
    this.fixedVariance = variance.clone();
    return this;
  }

  /** The kept axes, non-negative and sorted, for inputs of {@code rank} (Keras' {@code _keep_axis}). */
  private int[] keep(int rank) {
    int[] k = new int[axes.length];
    for (int i = 0; i < k.length; i++) {
      if (axes[i] < -rank || axes[i] >= rank) {
        throw new IllegalArgumentException("Layer '" + name() + "': all `axis` values must be in the range [-ndim, "
            + "ndim). Received inputs with ndim=" + rank + ", while axis=" + Arrays.toString(axes));
      }
      k[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
    }
    Arrays.sort(k);
    return k;
  }

  /**
   * Learns the mean and variance of {@code data} (samples first) for each index of the kept axes, reducing over all
   * others, as Keras' {@code adapt}.
   */
  public void adapt(Object data) {
    if (fixedMean != null || fixedVariance != null) {
      throw new IllegalStateException("Layer '" + name() + "' was given a fixed mean and variance; it cannot adapt.");
    }
    HostArray a = HostArray.of(data);
    long[] dims = a.shape().dims();
    int[] k = keep(dims.length);
    int groups = 1;
    for (int d : k) {
      groups *= (int) dims[d];
    }
    float[] x = a.values();
    int[] group = new int[x.length];
    double[] m = new double[groups];
    long[] count = new long[groups];
    for (int i = 0; i < x.length; i++) {
      group[i] = groupOf(i, dims, k);
      m[group[i]] += x[i];
      count[group[i]]++;
    }
    for (int j = 0; j < groups; j++) {
      m[j] /= count[j];
    }
    double[] v = new double[groups];
    for (int i = 0; i < x.length; i++) {
      double e = x[i] - m[group[i]];
      v[group[i]] += e * e;
    }
    adaptedMean = new float[groups];
    adaptedVariance = new float[groups];
    for (int j = 0; j < groups; j++) {
      adaptedMean[j] = (float) m[j];
      adaptedVariance[j] = (float) (v[j] / count[j]);
    }
    if (mean != null) {
      if (mean.shape().size() != groups) {
        throw new IllegalArgumentException("Layer '" + name() + "' was built for " + mean.shape() + " statistics; "
            + "adapt data of shape " + a.shape() + " gives " + groups);
      }
      mean.assign(adaptedMean);
      variance.assign(adaptedVariance);
    }
  }

  /** The row-major index over the kept axes of the element at flat index {@code flat}. */
  private static int groupOf(int flat, long[] dims, int[] keep) {
    int[] index = new int[dims.length];
    for (int d = dims.length - 1; d >= 0; d--) {
      index[d] = (int) (flat % dims[d]);
      flat /= (int) dims[d];
    }
    int g = 0;
    for (int d : keep) {
      g = g * (int) dims[d] + index[d];
    }
    return g;
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = inputShape.rank();
    int[] k = keep(rank);
    broadcastShape = new long[rank];
    Arrays.fill(broadcastShape, 1);
    long[] statShape = new long[k.length];
    for (int i = 0; i < k.length; i++) {
      statShape[i] = inputShape.get(k[i]);
      if (statShape[i] < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': all `axis` values to be kept must have a known "
            + "shape. Received axis=" + Arrays.toString(axes) + ", inputs.shape=" + inputShape);
      }
      broadcastShape[k[i]] = statShape[i];
    }
    long d = Shape.of(statShape).size();
    if ((fixedMean == null) != (fixedVariance == null)) {
      throw new IllegalArgumentException("Layer '" + name() + "': when setting values directly, both `mean` and "
          + "`variance` must be set. Received: mean=" + Arrays.toString(fixedMean) + " and variance="
          + Arrays.toString(fixedVariance));
    }
    if (fixedMean != null) {
      // Keras keeps a given mean and variance as constants: the layer then has no weights
      adaptedMean = broadcast("mean", fixedMean, d);
      adaptedVariance = broadcast("variance", fixedVariance, d);
      return;
    }
    mean = addWeight("mean", Shape.of(statShape), "zeros", null, null, false);
    variance = addWeight("variance", Shape.of(statShape), "ones", null, null, false);
    // Keras' "count" weight, kept (always 0) for older saved models: weights are [mean, variance, count] as in Keras
    Variable count = trackVariable(new Variable("count", Shape.scalar(), false, new long[] {0}));
    count.path(name() + "/count");
    if (adaptedMean != null) {
      if (adaptedMean.length != d) {
        throw new IllegalArgumentException("Layer '" + name() + "' was adapted on " + adaptedMean.length
            + " features but is called on inputs of shape " + inputShape);
      }
      mean.assign(adaptedMean);
      variance.assign(adaptedVariance);
    }
  }

  private float[] broadcast(String key, double[] values, long d) {
    if (values.length != 1 && values.length != d) {
      throw new IllegalArgumentException("Layer '" + name() + "': `" + key + "` needs 1 or " + d + " values for "
          + "inputs of " + d + " features. Received: " + key + "=" + Arrays.toString(values));
    }
    float[] out = new float[(int) d];
    for (int i = 0; i < d; i++) {
      out[i] = (float) values[values.length == 1 ? 0 : i];
    }
    return out;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Shape b = Shape.of(broadcastShape);
    Tensor m = mean != null ? ops.reshape(ops.read(mean), broadcastShape) : ops.constant(adaptedMean, b);
    Tensor v = variance != null ? ops.reshape(ops.read(variance), broadcastShape) : ops.constant(adaptedVariance, b);
    Tensor std = ops.maximum(ops.sqrt(v), 1e-7f);
    if (invert) {
      return ops.add(ops.multiply(input, std), m);
    }
    return ops.divide(ops.subtract(input, m), std);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", Arrays.stream(axes).boxed().toList());
    c.put("invert", invert);
    c.put("mean", stats(fixedMean));
    c.put("variance", stats(fixedVariance));
    return c;
  }

  /** A given mean or variance as Keras writes it: a number with axis=None (Keras refuses a list there). */
  private Object stats(double[] values) {
    if (values == null) {
      return null;
    }
    return axes.length == 0 && values.length == 1 ? (Object) values[0] : ConfigLists.of(values);
  }

  /** A Normalization layer from its Keras config (Keras' {@code Normalization.from_config}). */
  public static Normalization fromConfig(Map<String, Object> config) {
    Config c = new Config("Normalization", config);
    // axis None (Keras 2 writes null, Keras 3 an empty list) keeps no axis
    int[] axis = config.containsKey("axis") && config.get("axis") == null ? new int[0] : c.ints("axis", new int[] {-1});
    Normalization n = new Normalization().axis(axis).invert(c.bool("invert", false));
    double[] mean = c.numbers("mean", null);
    if (mean != null) {
      n.mean(mean);
    }
    double[] variance = c.numbers("variance", null);
    if (variance != null) {
      n.variance(variance);
    }
    return withBaseConfig(n, c);
  }
}
