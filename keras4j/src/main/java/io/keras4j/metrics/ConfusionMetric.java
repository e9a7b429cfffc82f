package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;

/**
 * Weighted true/false positive/negative counts of {@code y_pred > threshold} at each threshold, per label when
 * asked.
 *
 * <p>Keras equivalent: {@code keras.src.metrics.metrics_utils.update_confusion_matrix_variables}, the accumulation
 * behind {@code Precision}, {@code Recall} and {@code AUC}. The state variables are created at the first update,
 * when the thresholds (and the number of labels) are known; the setters must come before it.
 *
 * @param <T> the concrete metric
 */
public abstract class ConfusionMetric<T extends ConfusionMetric<T>> extends BaseMetric<T> {
  /** Keras' {@code NEG_INF}, the score given to predictions outside the top k. */
  static final float NEG_INF = -1e10f;
  protected Variable tp;
  protected Variable fp;
  protected Variable tn;
  protected Variable fn;

  /** A confusion-count metric named {@code name}. */
  protected ConfusionMetric(String name) {
    super(name);
  }

  /** The thresholds the counts are taken at. */
  protected abstract float[] thresholdValues();

  /** The number of labels counted apart (a second axis of the counts), or 0 for one count over all labels. */
  protected int labelsApart(Shape yPred) {
    return 0;
  }

  /** Fails when the state exists: a setter changing the state's shape must come before the first update. */
  protected void checkNotBuilt(String key) {
    if (tp != null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' is already in use; set `" + key
          + "` before the first update");
    }
  }

  private void build(int labels) {
    if (tp == null) {
      int n = thresholdValues().length;
      Shape s = labels > 0 ? Shape.of(n, labels) : Shape.of(n);
      boolean[] kept = kept();
      tp = addVariable("true_positives", s);
      fp = kept[1] ? addVariable("false_positives", s) : null;
      tn = kept[2] ? addVariable("true_negatives", s) : null;
      fn = kept[3] ? addVariable("false_negatives", s) : null;
    }
  }

  /**
   * Which of {@code {tp, fp, tn, fn}} the metric keeps as state, as Keras does (Precision keeps tp and fp, Recall tp
   * and fn); tp is always kept. Default: all four.
   */
  protected boolean[] kept() {
    return new boolean[] {true, true, true, true};
  }

  /** y_pred as the counts see it: probabilities, the top k kept, one class picked (overridden by subclasses). */
  protected Tensor[] prepare(Tensor yTrue, Tensor yPred) {
    return new Tensor[] {yTrue, yPred};
  }

  /** Per-label weights applied to the counts, or null (AUC's {@code label_weights} without multi-label). */
  protected float[] countWeights() {
    return null;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    int labels = labelsApart(yPred.shape());
    build(labels);
    Tensor[] tp2 = prepare(ops.cast(yTrue, "float32"), ops.cast(yPred, "float32"));
    Tensor t = tp2[0];
    Tensor p = tp2[1];
    Tensor w = sampleWeight == null ? ops.onesLike(p) : weightLike(sampleWeight, p);
    float[] lw = countWeights();
    if (lw != null) {
      w = ops.multiply(w, ops.constant(lw, Shape.of(lw.length)));
    }
    float[] th = thresholdValues();
    Tensor[] c = counts(t, p, w, th, labels, evenlyDistributed(th));
    List<Tensor> updates = new java.util.ArrayList<>();
    Variable[] vars = {tp, fp, tn, fn};
    for (int i = 0; i < 4; i++) {
      if (vars[i] != null) {
        updates.add(ops.assignAdd(vars[i], c[i]));
      }
    }
    return updates;
  }

  /**
   * Whether Keras counts at {@code th} by buckets (its {@code thresholds_distributed_evenly}): at least 3 thresholds
   * {@code i / (n - 1)} ({@code np.allclose}). Subclasses with their own rule override it.
   */
  protected boolean evenlyDistributed(float[] th) {
    return isEvenlyDistributed(th);
  }

  /** Keras' {@code is_evenly_distributed_thresholds}. */
  static boolean isEvenlyDistributed(float[] th) {
    int n = th.length;
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      double even = (float) i / (n - 1);
      if (Math.abs(th[i] - even) > 1e-7 + 1e-5 * Math.abs(even)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The weighted counts {@code {tp, fp, tn, fn}} of one batch of labels {@code t} (non-zero is positive), scores
   * {@code p} and weights {@code w} (all of one shape) at each threshold ({@code y_pred > threshold}): each of shape
   * {@code [thresholds]}, or {@code [thresholds, labels]} when {@code labels > 0} labels are counted apart. With
   * {@code evenly} the thresholds are {@code i / (n - 1)} (the ends perhaps moved out by an epsilon) and a score
   * counts as Keras' bucketed update counts it: clipped to [0, 1], positive at threshold {@code i} when
   * {@code ceil(p (n - 1)) - 1 >= i}.
   */
  static Tensor[] counts(Tensor t, Tensor p, Tensor w, float[] th, int labels, boolean evenly) {
    Ops ops = ops();
    int cols = Math.max(labels, 1);
    p = ops.expandDims(ops.reshape(p, -1, cols), 1);
    t = ops.expandDims(ops.reshape(t, -1, cols), 1);
    t = ops.cast(ops.notEqual(t, ops.constant(0f)), "float32");
    w = ops.expandDims(ops.reshape(w, -1, cols), 1);
    Tensor predPos;
    if (evenly) {
      int n = th.length;
      Tensor scaled = ops.multiply(ops.clip(p, 0f, 1f), (float) (n - 1));
      Tensor bucket = ops.subtract(ops.negative(ops.floor(ops.negative(scaled))), ops.constant(1f));
      if (th[0] < 0 || th[n - 1] > 1) {
        bucket = ops.maximum(bucket, 0f);
      }
      float[] index = new float[n];
      for (int i = 0; i < n; i++) {
        index[i] = i;
      }
      predPos = ops.cast(ops.greaterEqual(bucket, ops.constant(index, Shape.of(1, n, 1))), "float32");
    } else {
      predPos = ops.cast(ops.greater(p, ops.constant(th, Shape.of(1, th.length, 1))), "float32");
    }
    Tensor predNeg = ops.add(ops.negative(predPos), 1f);
    Tensor pos = ops.multiply(t, w);
    Tensor neg = ops.multiply(ops.add(ops.negative(t), 1f), w);
    return new Tensor[] {
      count(ops, ops.multiply(predPos, pos), labels), count(ops, ops.multiply(predPos, neg), labels),
      count(ops, ops.multiply(predNeg, neg), labels), count(ops, ops.multiply(predNeg, pos), labels)};
  }

  /** Sums {@code [samples, thresholds, cols]} over the samples (and the columns when labels are not apart). */
  private static Tensor count(Ops ops, Tensor x, int labels) {
    return labels > 0 ? ops.sum(x, new int[] {0}, false) : ops.sum(x, new int[] {0, 2}, false);
  }

  /** Fails when {@link #result()} comes before any update. */
  protected void checkBuilt() {
    if (tp == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' has no state yet; call "
          + "updateState first");
    }
  }

  /** {@code thresholds} as Keras' config writes them: null (the default), one number, or a list. */
  static Object thresholdsConfig(double[] thresholds) {
    return thresholds == null ? null : thresholds.length == 1 ? (Object) thresholds[0]
        : java.util.Arrays.stream(thresholds).boxed().toList();
  }

  /** Thresholds as Keras lists them: a float per value, checked to lie in [0, 1]. */
  static float[] checkThresholds(String cls, double... thresholds) {
    float[] out = new float[thresholds.length];
    for (int i = 0; i < out.length; i++) {
      if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) {
        throw new IllegalArgumentException(cls + ": threshold values must be in [0, 1]. Received: thresholds="
            + java.util.Arrays.toString(thresholds));
      }
      out[i] = (float) thresholds[i];
    }
    return out;
  }
}
