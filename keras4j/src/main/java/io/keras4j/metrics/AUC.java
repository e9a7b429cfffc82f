package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Area under the ROC or precision-recall curve, from confusion counts at {@code numThresholds} thresholds.
 *
 * <p>Keras equivalent: {@code keras.metrics.AUC(num_thresholds=200, curve="ROC",
 * summation_method="interpolation")}: thresholds {@code i/(n-1)} with the ends moved by 1e-7; ROC by the trapezoid
 * rule, PR by Davis and Goadrich's interpolation.
 */
public class AUC extends ConfusionMetric {
  private final String curve;

  public AUC() {
    this(200, "ROC");
  }

  public AUC(int numThresholds, String curve) {
    super("auc", thresholds(numThresholds));
    if (!curve.equals("ROC") && !curve.equals("PR")) {
      throw new IllegalArgumentException("Invalid AUC curve value: \"" + curve + "\". Expected values are [\"ROC\", \"PR\"]");
    }
    this.curve = curve;
  }

  private static float[] thresholds(int n) {
    if (n <= 1) {
      throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=" + n);
    }
    float[] t = new float[n];
    for (int i = 1; i < n - 1; i++) {
      t[i] = (float) i / (n - 1);
    }
    t[0] = -1e-7f;
    t[n - 1] = 1f + 1e-7f;
    return t;
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    int n = thresholds.length;
    Tensor tpv = ops.read(tp);
    Tensor fpv = ops.read(fp);
    Tensor tnv = ops.read(tn);
    Tensor fnv = ops.read(fn);
    if (curve.equals("ROC")) {
      Tensor tpr = ops.divideNoNan(tpv, ops.add(tpv, fnv));
      Tensor fpr = ops.divideNoNan(fpv, ops.add(fpv, tnv));
      Tensor dx = ops.subtract(head(ops, fpr, n), tail(ops, fpr, n));
      Tensor h = ops.multiply(ops.add(head(ops, tpr, n), tail(ops, tpr, n)), 0.5f);
      return ops.sum(ops.multiply(dx, h), null, false);
    }
    Tensor dtp = ops.subtract(head(ops, tpv, n), tail(ops, tpv, n));
    Tensor p = ops.add(tpv, fpv);
    Tensor dp = ops.subtract(head(ops, p, n), tail(ops, p, n));
    Tensor slope = ops.divideNoNan(dtp, ops.maximum(dp, 0f));
    Tensor intercept = ops.subtract(tail(ops, tpv, n), ops.multiply(slope, tail(ops, p, n)));
    Tensor zero = ops.constant(0f);
    Tensor bothPositive = ops.logicalAnd(ops.greater(head(ops, p, n), zero), ops.greater(tail(ops, p, n), zero));
    Tensor ratio = ops.where(bothPositive, ops.divideNoNan(head(ops, p, n), ops.maximum(tail(ops, p, n), 0f)),
        ops.onesLike(tail(ops, p, n)));
    Tensor increment = ops.divideNoNan(ops.multiply(slope, ops.add(dtp, ops.multiply(intercept, ops.log(ratio)))),
        ops.maximum(ops.add(tail(ops, tpv, n), tail(ops, fnv, n)), 0f));
    return ops.sum(increment, null, false);
  }

  private static Tensor head(Ops ops, Tensor x, int n) {
    return ops.slice(x, new int[] {0}, new int[] {n - 1});
  }

  private static Tensor tail(Ops ops, Tensor x, int n) {
    return ops.slice(x, new int[] {1}, new int[] {n - 1});
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_thresholds", thresholds.length);
    c.put("curve", curve);
    c.put("summation_method", "interpolation");
    return c;
  }
}
