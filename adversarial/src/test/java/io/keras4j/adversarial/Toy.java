package io.keras4j.adversarial;

import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.util.List;
import java.util.Random;

/** Small models and data for the adversarial tests, with weights known to the test where it needs them. */
public final class Toy {
  private Toy() {}

  /** A softmax (or, with logits, linear) layer with kernel {@code w} (inputs x classes) and bias {@code b}. */
  public static Sequential linear(float[][] w, float[] b, boolean logits) {
    Sequential m = new Sequential();
    Dense dense = new Dense(b.length).inputDim(w.length);
    m.add(logits ? dense : dense.activation("softmax"));
    float[] flat = new float[w.length * b.length];
    for (int i = 0; i < w.length; i++) {
      System.arraycopy(w[i], 0, flat, i * b.length, b.length);
    }
    m.setWeights(List.of(NDArray.of(flat, w.length, b.length), NDArray.of(b, b.length)));
    return m;
  }

  /** Plain-Java softmax(x W + b) for one sample. */
  public static double[] softmax(float[][] w, float[] b, float[] x) {
    double[] z = logits(w, b, x);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double s = 0;
    for (int j = 0; j < z.length; j++) {
      z[j] = Math.exp(z[j] - max);
      s += z[j];
    }
    for (int j = 0; j < z.length; j++) {
      z[j] /= s;
    }
    return z;
  }

  /** Plain-Java x W + b for one sample. */
  public static double[] logits(float[][] w, float[] b, float[] x) {
    double[] z = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      z[j] = b[j];
      for (int i = 0; i < x.length; i++) {
        z[j] += (double) x[i] * w[i][j];
      }
    }
    return z;
  }

  /** Two Gaussian blobs in [0, 1]^d (means 0.35 and 0.65, sigma 0.1, clipped); labels alternate 0, 1. */
  public static NDArray blobs(int n, int d, long seed, int[] labels) {
    Random r = new Random(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int k = 0; k < d; k++) {
        v[i * d + k] = (float) Math.max(0, Math.min(1, (labels[i] == 0 ? 0.35 : 0.65) + 0.1 * r.nextGaussian()));
      }
    }
    return NDArray.of(v, n, d);
  }

  /** A compiled MLP (16 relu units, softmax over 2 classes) trained on {@code blobs(400, d, 1)}. */
  public static Sequential trainedMlp(int d) {
    Backend.setRandomSeed(3);
    int[] labels = new int[400];
    NDArray x = blobs(400, d, 1, labels);
    Sequential m = mlp(d);
    m.fit(x, Utils.toCategorical(labels, 2), new FitOptions().epochs(30).batchSize(32).verbose(0));
    return m;
  }

  /** A compiled, untrained MLP (16 relu units, softmax over 2 classes, Adam 0.01, categorical cross-entropy). */
  public static Sequential mlp(int d) {
    Sequential m = new Sequential();
    m.add(new Dense(16).activation("relu").inputDim(d));
    m.add(new Dense(2).activation("softmax"));
    m.compile(new io.keras4j.optimizers.Adam(0.01), "categorical_crossentropy");
    return m;
  }
}
