package io.keras4j.layers;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.Map;

/**
 * Standardises features with a mean and variance learned by {@link #adapt} (last axis).
 *
 * <p>Keras equivalent: {@code keras.layers.Normalization(axis=-1, mean=None, variance=None)}: output
 * {@code (x - mean) / max(sqrt(variance), epsilon)}, epsilon 1e-7.
 * <pre>{@code Normalization norm = new Normalization(); norm.adapt(xTrain); model.add(norm);}</pre>
 */
public class Normalization extends Layer {
  private float[] adaptedMean;
  private float[] adaptedVariance;
  private Variable mean;
  private Variable variance;

  /** Learns each feature's mean and variance from {@code data} (samples first), as Keras' {@code adapt}. */
  public void adapt(Object data) {
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
    long d = inputShape.get(-1);
    mean = addWeight("mean", Shape.of(d), "zeros", null, null, false);
    variance = addWeight("variance", Shape.of(d), "ones", null, null, false);
    if (adaptedMean != null) {
      if (adaptedMean.length != d) {
        throw new IllegalArgumentException("Layer '" + name() + "' was adapted on " + adaptedMean.length
            + " features but is called on inputs of shape " + inputShape);
      }
      mean.assign(adaptedMean);
      variance.assign(adaptedVariance);
    }
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    Tensor std = ops.maximum(ops.sqrt(ops.read(variance)), 1e-7f);
    return ops.divide(ops.subtract(input, ops.read(mean)), std);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", -1);
    return c;
  }
}
