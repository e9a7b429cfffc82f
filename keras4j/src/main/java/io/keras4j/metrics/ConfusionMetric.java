package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
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
      tp = addVariable("true_positives", s);
      fp = addVariable("false_positives", s);
      tn = addVariable("true_negatives", s);
      fn = addVariable("false_negatives", s);
    }
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
    int cols = Math.max(labels, 1);
    p = ops.expandDims(ops.reshape(p, -1, cols), 1);
    t = ops.expandDims(ops.reshape(t, -1, cols), 1);
    w = ops.expandDims(ops.reshape(w, -1, cols), 1);
    float[] th = thresholdValues();
    Tensor thresholds = ops.constant(th, Shape.of(1, th.length, 1));
    Tensor predPos = ops.cast(ops.greater(p, thresholds), "float32");
    Tensor predNeg = ops.add(ops.negative(predPos), 1f);
    Tensor pos = ops.multiply(t, w);
    Tensor neg = ops.multiply(ops.add(ops.negative(t), 1f), w);
    List<Tensor> u = new ArrayList<>();
    u.add(ops.assignAdd(tp, count(ops, ops.multiply(predPos, pos), labels)));
    u.add(ops.assignAdd(fp, count(ops, ops.multiply(predPos, neg), labels)));
    u.add(ops.assignAdd(tn, count(ops, ops.multiply(predNeg, neg), labels)));
    u.add(ops.assignAdd(fn, count(ops, ops.multiply(predNeg, pos), labels)));
    return u;
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
