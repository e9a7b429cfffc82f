package io.keras4j.data;

/**
 * Zero-centres and scales each feature by its training mean and standard deviation.
 *
 * <p>Porting note: the lecture's standardisation ({@code (x - mean) / std}, as scikit-learn's
 * {@code StandardScaler}); fit it on the training split only. Constant features are left unscaled.
 */
public final class StandardScaler {
  private float[] mean;
  private float[] std;

  /** Learns each column's mean and (population) standard deviation. */
  public StandardScaler fit(float[][] x) {
    int d = x[0].length;
    double[] m = new double[d];
    double[] s = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= x.length;
    }
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        s[j] += (row[j] - m[j]) * (row[j] - m[j]);
      }
    }
    mean = new float[d];
    std = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) m[j];
      double sd = Math.sqrt(s[j] / x.length);
      std[j] = sd > 0 ? (float) sd : 1f;
    }
    return this;
  }

  /** {@code (x - mean) / std}, a new array. */
  public float[][] transform(float[][] x) {
    if (mean == null) {
      throw new IllegalStateException("Call fit before transform");
    }
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != mean.length) {
        throw new IllegalArgumentException("Expected " + mean.length + " features. Received: " + x[i].length);
      }
      out[i] = new float[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = (x[i][j] - mean[j]) / std[j];
      }
    }
    return out;
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }
}
