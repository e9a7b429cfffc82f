package io.keras4j.layers;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Standardises features with a mean and variance learned by {@link #adapt} (last axis).
 *
 * <p>Keras equivalent: {@code keras.layers.Normalization(axis=-1, mean=None, variance=None, invert=False)}:
 * output {@code (x - mean) / max(sqrt(variance), epsilon)}, epsilon 1e-7, or its inverse. Features on the last axis
 * only. Weights as Keras': {@code [mean, variance, count]} (count an int64 scalar Keras keeps at 0 for older
 * files) when learned by adapt; none when a mean and variance are given (they are constants then).
 * <pre>{@code Normalization norm = new Normalization(); norm.adapt(xTrain); model.add(norm);}</pre>
 */
public class Normalization extends BaseLayer<Normalization> {
  private int axis = -1;
  private boolean invert;
  private double[] fixedMean;
  private double[] fixedVariance;
  private float[] adaptedMean;
  private float[] adaptedVariance;

  /** Sets the feature axis (Keras' {@code axis=}); keras4j supports the last one (-1 or rank - 1). Default -1. */
  public Normalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
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
   * Sets a fixed mean per feature, or one for all (Keras' {@code mean=}); give {@link #variance} too, and do not
   * {@link #adapt}. Default none (learned by adapt).
   */
  public Normalization mean(double... mean) {
    checkNotBuilt("mean");
    this.fixedMean = mean.clone();
    return this;
  }

  /** Sets a fixed variance per feature, or one for all (Keras' {@code variance=}). Default none (learned by adapt). */
  public Normalization variance(double... variance) {
    checkNotBuilt("variance");
    this.fixedVariance = variance.clone();
    return this;
  }
  private Variable mean;
  private Variable variance;

  /** Learns each feature's mean and variance from {@code data} (samples first), as Keras' {@code adapt}. */
  public void adapt(Object data) {
    if (fixedMean != null || fixedVariance != null) {
      throw new IllegalStateException("Layer '" + name() + "' was given a fixed mean and variance; it cannot adapt.");
    }
    HostArray a = HostArray.of(data);
    int d = (int) a.shape().get(-1);
    long n = a.values().length / d;
    double[] m = new double[d];
    double[] v = new double[d];
    for (long i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[j] += a.values()[(int) (i * d + j)];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    for (long i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = a.values()[(int) (i * d + j)] - m[j];
        v[j] += e * e;
      }
    }
    adaptedMean = new float[d];
    adaptedVariance = new float[d];
    for (int j = 0; j < d; j++) {
      adaptedMean[j] = (float) m[j];
      adaptedVariance[j] = (float) (v[j] / n);
    }
    if (mean != null) {
      mean.assign(adaptedMean);
      variance.assign(adaptedVariance);
    }
  }

  @Override
  protected void build(Shape inputShape) {
    if (axis != -1 && axis != inputShape.rank() - 1) {
      throw new IllegalArgumentException("Layer '" + name() + "' normalises the last axis only. Expected axis=-1. "
          + "Received: axis=" + axis);
    }
    long d = inputShape.get(-1);
    if ((fixedMean == null) != (fixedVariance == null)) {
      throw new IllegalArgumentException("Layer '" + name() + "': when setting values directly, both `mean` and "
          + "`variance` must be set. Received: mean=" + java.util.Arrays.toString(fixedMean) + " and variance="
          + java.util.Arrays.toString(fixedVariance));
    }
    if (fixedMean != null) {
      // Keras keeps a given mean and variance as constants: the layer then has no weights
      adaptedMean = broadcast("mean", fixedMean, d);
      adaptedVariance = broadcast("variance", fixedVariance, d);
      return;
    }
    mean = addWeight("mean", Shape.of(d), "zeros", null, null, false);
    variance = addWeight("variance", Shape.of(d), "ones", null, null, false);
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
          + "inputs of " + d + " features. Received: " + key + "=" + java.util.Arrays.toString(values));
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
    Tensor m = mean != null ? ops.read(mean) : ops.constant(adaptedMean, Shape.of(adaptedMean.length));
    Tensor v = variance != null ? ops.read(variance) : ops.constant(adaptedVariance, Shape.of(adaptedVariance.length));
    Tensor std = ops.maximum(ops.sqrt(v), 1e-7f);
    if (invert) {
      return ops.add(ops.multiply(input, std), m);
    }
    return ops.divide(ops.subtract(input, m), std);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", List.of(axis));
    c.put("invert", invert);
    c.put("mean", fixedMean == null ? null : ConfigLists.of(fixedMean));
    c.put("variance", fixedVariance == null ? null : ConfigLists.of(fixedVariance));
    return c;
  }

  /** A Normalization layer from its Keras config (Keras' {@code Normalization.from_config}). */
  public static Normalization fromConfig(Map<String, Object> config) {
    Config c = new Config("Normalization", config);
    int[] axis = c.ints("axis", new int[] {-1});
    if (axis.length != 1) {
      throw new IllegalArgumentException("Normalization supports one feature axis. Received: axis=" + c.get("axis"));
    }
    Normalization n = new Normalization().axis(axis[0]).invert(c.bool("invert", false));
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
