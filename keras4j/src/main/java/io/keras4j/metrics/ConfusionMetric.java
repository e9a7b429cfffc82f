package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighted true/false positive/negative counts of {@code y_pred > threshold} at each threshold.
 *
 * <p>Keras equivalent: the confusion-matrix accumulation behind {@code Precision}, {@code Recall} and {@code AUC}.
 */
public abstract class ConfusionMetric extends Metric {
  protected final float[] thresholds;
  protected final Variable tp;
  protected final Variable fp;
  protected final Variable tn;
  protected final Variable fn;

  protected ConfusionMetric(String name, float[] thresholds) {
    super(name);
    this.thresholds = thresholds.clone();
    Shape s = Shape.of(thresholds.length);
    tp = addVariable("true_positives", s);
    fp = addVariable("false_positives", s);
    tn = addVariable("true_negatives", s);
    fn = addVariable("false_negatives", s);
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Tensor p = ops.reshape(yPred, -1, 1);
    Tensor t = ops.reshape(ops.cast(yTrue, "float32"), -1, 1);
    Tensor w = sampleWeight == null ? ops.onesLike(t) : weightLike(sampleWeight, yPred);
    w = ops.reshape(w, -1, 1);
    Tensor th = ops.constant(thresholds, Shape.of(1, thresholds.length));
    Tensor predPos = ops.cast(ops.greater(p, th), "float32");
    Tensor predNeg = ops.add(ops.negative(predPos), 1f);
    Tensor pos = ops.multiply(t, w);
    Tensor neg = ops.multiply(ops.add(ops.negative(t), 1f), w);
    List<Tensor> u = new ArrayList<>();
    u.add(ops.assignAdd(tp, ops.sum(ops.multiply(predPos, pos), new int[] {0}, false)));
    u.add(ops.assignAdd(fp, ops.sum(ops.multiply(predPos, neg), new int[] {0}, false)));
    u.add(ops.assignAdd(tn, ops.sum(ops.multiply(predNeg, neg), new int[] {0}, false)));
    u.add(ops.assignAdd(fn, ops.sum(ops.multiply(predNeg, pos), new int[] {0}, false)));
    return u;
  }
}
