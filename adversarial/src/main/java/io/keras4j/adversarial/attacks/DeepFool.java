package io.keras4j.adversarial.attacks;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.data.NDArray;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * DeepFool: linearizes the classifier around x and steps to the nearest linearized decision boundary, repeating until
 * the predicted class changes, then overshoots by a factor 1 + epsilon.
 *
 * <pre>{@code
 * NDArray xAdv = new DeepFool(classifier).maxIter(50).epsilon(0.02).generate(x);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.attacks.evasion.DeepFool(classifier, max_iter=100, epsilon=1e-6, nb_grads=10,
 * batch_size=1)} (Moosavi-Dezfooli et al., 2015). For a linear classifier one step lands on the boundary: the
 * perturbation {@code |f_k - f_c| / ||w_k - w_c||^2 (w_k - w_c)}. DeepFool is meant for logits ({@code use_logits}).
 * As in ART, with clip_values each step is scaled by {@code clip_max - clip_min} and clipped. Porting note: the
 * class gradients of a batch come from one engine call for all classes; nb_grads limits the candidate classes to the
 * nb_grads most probable ones at x.
 */
public class DeepFool extends EvasionAttack {
  private int maxIter = 100;
  private double epsilon = 1e-6;
  private int nbGrads = 10;
  private int batchSize = 1;

  public DeepFool(KerasClassifier classifier) {
    super(classifier);
  }

  /** The maximum number of linearization steps ({@code max_iter}). Default: 100. */
  public DeepFool maxIter(int maxIter) {
    this.maxIter = positive("max_iter", maxIter);
    return this;
  }

  /** The overshoot: the final perturbation is (1 + epsilon) times the sum of the steps ({@code epsilon}). Default: 1e-6. */
  public DeepFool epsilon(double epsilon) {
    this.epsilon = nonNegative("epsilon", epsilon);
    return this;
  }

  /** The number of most probable classes considered ({@code nb_grads}). Default: 10. */
  public DeepFool nbGrads(int nbGrads) {
    this.nbGrads = positive("nb_grads", nbGrads);
    return this;
  }

  /** Samples per batch ({@code batch_size}). Default: 1. */
  public DeepFool batchSize(int batchSize) {
    this.batchSize = positive("batch_size", batchSize);
    return this;
  }

  /** {@code y} is not used (DeepFool is untargeted and starts from the predicted class). */
  @Override
  public NDArray generate(NDArray x, float[][] y) {
    int n = (int) x.shape()[0];
    if (estimator.nbClasses() < 2) {
      throw new IllegalArgumentException("DeepFool expects a classifier with at least 2 outputs. Received: "
          + estimator.nbClasses());
    }
    float[] out = new float[(int) x.size()];
    for (int start = 0; start < n; start += batchSize) {
      NDArray xb = Utils.rows(x, start, Math.min(n, start + batchSize));
      float[] adv = attackBatch(xb);
      System.arraycopy(adv, 0, out, (int) (start * (x.size() / n)), adv.length);
    }
    return Utils.like(out, x);
  }

  private float[] attackBatch(NDArray xb) {
    float[] x0 = xb.toFloatArray();
    int n = (int) xb.shape()[0];
    int d = x0.length / n;
    int k = estimator.nbClasses();
    float[] clip = estimator.clipValues();
    float[] batch = x0.clone();
    float[][] f = estimator.predict(xb);
    int[] original = Utils.argmax(f);
    int[][] candidates = candidates(f);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    for (int step = 0; step < maxIter && anyTrue(active); step++) {
      float[] g = estimator.classGradient(Utils.like(batch, xb)).toFloatArray();
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          step(batch, g, f[i], i, d, k, original[i], candidates[i], clip);
        }
      }
      f = estimator.predict(Utils.like(batch, xb));
      int[] now = Utils.argmax(f);
      for (int i = 0; i < n; i++) {
        active[i] = now[i] == original[i];
      }
    }
    float[] adv = new float[x0.length];
    for (int j = 0; j < adv.length; j++) {
      adv[j] = (float) (x0[j] + (1 + epsilon) * (batch[j] - x0[j]));
    }
    return Utils.clip(adv, clip);
  }

  /** Moves sample i of batch to the nearest linearized boundary between its class c and a candidate class. */
  private static void step(float[] batch, float[] g, float[] f, int i, int d, int k, int c, int[] candidates,
      float[] clip) {
    double best = Double.POSITIVE_INFINITY;
    int l = -1;
    double bestNorm2 = 0;
    for (int j : candidates) {
      if (j == c) {
        continue;
      }
      double norm2 = 0;
      for (int p = 0; p < d; p++) {
        double w = g[(i * k + j) * d + p] - g[(i * k + c) * d + p];
        norm2 += w * w;
      }
      double value = Math.abs(f[j] - f[c]) / (Math.sqrt(norm2) + Utils.TOL);
      if (value < best) {
        best = value;
        l = j;
        bestNorm2 = norm2;
      }
    }
    double r = Math.abs(f[l] - f[c]) / (bestNorm2 + Utils.TOL);
    double scale = clip == null ? 1 : clip[1] - clip[0];
    for (int p = 0; p < d; p++) {
      double w = g[(i * k + l) * d + p] - g[(i * k + c) * d + p];
      int at = i * d + p;
      batch[at] = (float) (batch[at] + r * w * scale);
      if (clip != null) {
        batch[at] = Math.max(clip[0], Math.min(clip[1], batch[at]));
      }
    }
  }

  /** For each sample, the nb_grads classes of highest prediction (all classes when nb_grads covers them). */
  private int[][] candidates(float[][] f) {
    int[][] out = new int[f.length][];
    for (int i = 0; i < f.length; i++) {
      float[] row = f[i];
      out[i] = IntStream.range(0, row.length).boxed().sorted(Comparator.comparingDouble(j -> -row[j]))
          .limit(Math.min(Math.max(2, nbGrads), row.length)).mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
