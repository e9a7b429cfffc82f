package io.keras4j.adversarial.attacks;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.KerasFunction;
import java.util.Arrays;
import java.util.List;

/**
 * The Carlini-Wagner L2 attack: minimizes {@code ||x' - x||^2 + c * max(Z_y - max_{j != y} Z_j + confidence, 0)}
 * over {@code x' = clip_min + (tanh(w) + 1) / 2 * (clip_max - clip_min)}, with a binary search on the constant c
 * per sample; keeps the smallest successful perturbation found (x itself where none succeeds).
 *
 * <pre>{@code
 * NDArray xAdv = new CarliniL2Method(classifier).confidence(0).maxIter(100).binarySearchSteps(5).generate(x, y);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.attacks.evasion.CarliniL2Method(classifier, confidence=0.0, targeted=False,
 * learning_rate=0.01, binary_search_steps=10, max_iter=10, initial_const=0.01, batch_size=1)} (Carlini and Wagner,
 * 2016). Porting note: each iteration is one Adam step on w (learning_rate), as in the authors' code, instead of
 * ART's gradient step with halving and doubling line search ({@code max_halving}, {@code max_doubling} are not
 * offered); the objective and its gradient for a batch come from one engine call. Without clip_values the range
 * of x is used, as ART does.
 */
public class CarliniL2Method extends EvasionAttack {
  private static final double TANH_SMOOTHER = 0.999999;
  private double confidence;
  private boolean targeted;
  private double learningRate = 0.01;
  private int binarySearchSteps = 10;
  private int maxIter = 10;
  private double initialConst = 0.01;
  private int batchSize = 1;

  public CarliniL2Method(KerasClassifier classifier) {
    super(classifier);
  }

  /** The margin by which the adversarial class must win ({@code confidence}). Default: 0.0. */
  public CarliniL2Method confidence(double confidence) {
    this.confidence = nonNegative("confidence", confidence);
    return this;
  }

  /** Whether y holds the target classes ({@code targeted}). Default: false. */
  public CarliniL2Method targeted(boolean targeted) {
    this.targeted = targeted;
    return this;
  }

  /** The step size of the optimizer ({@code learning_rate}). Default: 0.01. */
  public CarliniL2Method learningRate(double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("CarliniL2Method expects learning_rate > 0. Received: learning_rate="
          + learningRate);
    }
    this.learningRate = learningRate;
    return this;
  }

  /** The number of binary search steps on the constant c ({@code binary_search_steps}). Default: 10. */
  public CarliniL2Method binarySearchSteps(int binarySearchSteps) {
    this.binarySearchSteps = positive("binary_search_steps", binarySearchSteps);
    return this;
  }

  /** The number of optimizer steps per binary search step ({@code max_iter}). Default: 10. */
  public CarliniL2Method maxIter(int maxIter) {
    this.maxIter = positive("max_iter", maxIter);
    return this;
  }

  /** The first value of the constant c ({@code initial_const}). Default: 0.01. */
  public CarliniL2Method initialConst(double initialConst) {
    if (!(initialConst > 0)) {
      throw new IllegalArgumentException("CarliniL2Method expects initial_const > 0. Received: initial_const="
          + initialConst);
    }
    this.initialConst = initialConst;
    return this;
  }

  /** Samples optimized together ({@code batch_size}). Default: 1. */
  public CarliniL2Method batchSize(int batchSize) {
    this.batchSize = positive("batch_size", batchSize);
    return this;
  }

  @Override
  public NDArray generate(NDArray x, float[][] y) {
    float[][] labels = labels(x, y, targeted);
    float[] clip = estimator.clipValues();
    if (clip == null) {
      float[] v = x.toFloatArray();
      clip = new float[] {Float.MAX_VALUE, -Float.MAX_VALUE};
      for (float a : v) {
        clip[0] = Math.min(clip[0], a);
        clip[1] = Math.max(clip[1], a);
      }
    }
    int n = (int) x.shape()[0];
    float[] out = new float[(int) x.size()];
    try (KerasFunction objective = objective(clip, x.rank())) {
      for (int start = 0; start < n; start += batchSize) {
        int end = Math.min(n, start + batchSize);
        float[] adv = attackBatch(objective, Utils.rows(x, start, end), Arrays.copyOfRange(labels, start, end), clip);
        System.arraycopy(adv, 0, out, (int) (start * (x.size() / n)), adv.length);
      }
    }
    return Utils.like(out, x);
  }

  private float[] attackBatch(KerasFunction objective, NDArray xb, float[][] yb, float[] clip) {
    float[] x0 = xb.toFloatArray();
    int n = yb.length;
    int d = x0.length / n;
    float[] w0 = new float[x0.length];
    for (int j = 0; j < x0.length; j++) {
      double t = (Math.max(clip[0], Math.min(clip[1], x0[j])) - clip[0]) / (clip[1] - clip[0]);
      w0[j] = (float) atanh((2 * t - 1) * TANH_SMOOTHER);
    }
    float[] best = x0.clone();
    double[] bestL2 = new double[n];
    Arrays.fill(bestL2, Double.POSITIVE_INFINITY);
    float[] c = new float[n];
    Arrays.fill(c, (float) initialConst);
    double[] lower = new double[n];
    double[] upper = new double[n];
    Arrays.fill(upper, 1e10);
    int[] label = Utils.argmax(yb);
    for (int search = 0; search < binarySearchSteps; search++) {
      boolean[] success = optimize(objective, xb, yb, w0.clone(), c, label, best, bestL2, d);
      for (int i = 0; i < n; i++) {
        if (success[i]) {
          upper[i] = Math.min(upper[i], c[i]);
          c[i] = (float) ((lower[i] + upper[i]) / 2);
        } else {
          lower[i] = Math.max(lower[i], c[i]);
          c[i] = (float) (upper[i] < 1e9 ? (lower[i] + upper[i]) / 2 : c[i] * 10);
        }
      }
    }
    return best;
  }

  /** max_iter Adam steps on w for constants c; records improvements in best; returns which samples succeeded. */
  private boolean[] optimize(KerasFunction objective, NDArray xb, float[][] yb, float[] w, float[] c, int[] label,
      float[] best, double[] bestL2, int d) {
    int n = yb.length;
    boolean[] success = new boolean[n];
    float[] m = new float[w.length];
    float[] v = new float[w.length];
    for (int t = 1; t <= maxIter + 1; t++) {
      List<NDArray> r = objective.call(Utils.like(w, xb), xb, yb, c);
      float[] grad = r.get(0).toFloatArray();
      float[] l2 = r.get(1).toFloatArray();
      float[][] z = r.get(2).toFloat2D();
      float[] xAdv = r.get(3).toFloatArray();
      for (int i = 0; i < n; i++) {
        if (fooled(z[i], label[i]) && l2[i] < bestL2[i]) {
          bestL2[i] = l2[i];
          System.arraycopy(xAdv, i * d, best, i * d, d);
        }
        success[i] |= fooled(z[i], label[i]);
      }
      if (t > maxIter) {
        break;
      }
      double lr = learningRate * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      for (int j = 0; j < w.length; j++) {
        m[j] = 0.9f * m[j] + 0.1f * grad[j];
        v[j] = 0.999f * v[j] + 0.001f * grad[j] * grad[j];
        w[j] -= (float) (lr * m[j] / (Math.sqrt(v[j]) + 1e-8));
      }
    }
    return success;
  }

  /** Whether outputs z satisfy the attack's goal with the confidence margin. */
  private boolean fooled(float[] z, int label) {
    double other = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < z.length; j++) {
      if (j != label) {
        other = Math.max(other, z[j]);
      }
    }
    return targeted ? z[label] - other >= confidence && z[label] > other
        : other - z[label] >= confidence && other > z[label];
  }

  /** The traced objective: inputs w, x, y, c; outputs d loss / d w, each sample's squared L2 distance, Z, x'. */
  private KerasFunction objective(float[] clip, int rank) {
    float half = (clip[1] - clip[0]) / 2;
    int[] axes = new int[rank - 1];
    for (int a = 1; a < rank; a++) {
      axes[a - 1] = a;
    }
    return KerasFunction.of(in -> {
      Ops ops = Backend.ops();
      Tensor w = in.get(0);
      Tensor y = in.get(2);
      Tensor xAdv = ops.add(ops.multiply(ops.add(ops.tanh(w), 1f), half), clip[0]);
      Tensor z = estimator.apply(xAdv);
      Tensor l2 = ops.sum(ops.square(ops.subtract(xAdv, in.get(1))), axes, false);
      Tensor real = ops.sum(ops.multiply(y, z), new int[] {1}, false);
      Tensor other = ops.max(ops.subtract(ops.multiply(ops.subtract(ops.onesLike(y), y), z), ops.multiply(y, 1e4f)),
          new int[] {1}, false);
      Tensor margin = targeted ? ops.subtract(other, real) : ops.subtract(real, other);
      Tensor hinge = ops.maximum(ops.add(margin, (float) confidence), 0f);
      Tensor loss = ops.sum(ops.add(l2, ops.multiply(in.get(3), hinge)), null, false);
      return List.of(new GradientTape().watch(w).gradient(loss, w), l2, z, xAdv);
    });
  }

  private static double atanh(double v) {
    return 0.5 * Math.log((1 + v) / (1 - v));
  }
}
