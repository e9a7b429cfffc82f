package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * One rate at the best threshold where another rate reaches a target value, from confusion counts at
 * {@code num_thresholds} evenly spaced thresholds: the base of {@link SensitivityAtSpecificity},
 * {@link SpecificityAtSensitivity}, {@link PrecisionAtRecall} and {@link RecallAtPrecision}.
 *
 * <p>Keras equivalent: {@code keras.src.metrics.confusion_metrics.SensitivitySpecificityBase(value,
 * num_thresholds=200, class_id=None, name=None, dtype=None)}: thresholds {@code [0, 1/(n-1), ..., 1]} (0.5 alone
 * for one), counts taken as Keras' bucketed update takes them, and the result the largest value of the dependent
 * rate over the thresholds where the constrained rate is {@code >= value} (0 when none is).
 *
 * @param <T> the concrete metric
 */
public abstract class SensitivitySpecificityBase<T extends SensitivitySpecificityBase<T>> extends ConfusionMetric<T> {
  private final String valueKey;
  private final double value;
  private int numThresholds = 200;
  private int classId = -1;

  /** A metric named {@code name} whose target rate {@code valueKey} (Keras' argument name) is {@code value}. */
  protected SensitivitySpecificityBase(String name, String valueKey, double value) {
    super(name);
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": argument `" + valueKey + "` must be in the "
          + "range [0, 1]. Received: " + valueKey + "=" + value);
    }
    this.valueKey = valueKey;
    this.value = value;
  }

  /** The target value of the constrained rate (Keras' {@code value}). */
  public double value() {
    return value;
  }

  /**
   * Sets the number of thresholds, > 0: evenly spaced in [0, 1], or 0.5 alone for 1 (Keras'
   * {@code num_thresholds=}). Default 200.
   */
  public T numThresholds(int numThresholds) {
    checkNotBuilt("num_thresholds");
    if (numThresholds <= 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": argument `num_thresholds` must be an "
          + "integer > 0. Received: num_thresholds=" + numThresholds);
    }
    this.numThresholds = numThresholds;
    return self();
  }

  public int numThresholds() {
    return numThresholds;
  }

  /** Sets the one class (column of y_true and y_pred) counted (Keras' {@code class_id=}). Default none: all. */
  public T classId(int classId) {
    if (classId < 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": class_id must be >= 0. Received: class_id="
          + classId);
    }
    this.classId = classId;
    return self();
  }

  @Override
  protected float[] thresholdValues() {
    if (numThresholds == 1) {
      return new float[] {0.5f};
    }
    float[] t = new float[numThresholds];
    for (int i = 0; i < numThresholds - 2; i++) {
      t[i + 1] = (float) ((i + 1) * 1.0 / (numThresholds - 1));
    }
    t[numThresholds - 1] = 1f;
    return t;
  }

  @Override
  protected boolean evenlyDistributed(float[] th) {
    return numThresholds > 1;
  }

  @Override
  protected Tensor[] prepare(Tensor yTrue, Tensor yPred) {
    if (classId < 0) {
      return new Tensor[] {yTrue, yPred};
    }
    if (yPred.rank() < 2) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "': when class_id is "
          + "provided, y_pred must be a 2D array with shape (num_samples, num_classes). Received: shape "
          + yPred.shape());
    }
    Ops ops = ops();
    Tensor index = ops.constant(new int[] {classId}, Shape.of(1));
    return new Tensor[] {ops.take(yTrue, index, yTrue.rank() - 1), ops.take(yPred, index, yPred.rank() - 1)};
  }

  /** {@code a / (a + b)} of two count variables' current values, 0 where both are 0. */
  protected static Tensor rate(Tensor a, Tensor b) {
    Ops ops = ops();
    return ops.divideNoNan(a, ops.add(a, b));
  }

  /** The largest {@code dependent} where {@code constrained >= value}, or 0 (Keras' _find_max_under_constraint). */
  protected Tensor maxUnderConstraint(Tensor constrained, Tensor dependent) {
    Ops ops = ops();
    Tensor feasible = ops.greaterEqual(constrained, ops.constant((float) value));
    Tensor masked = ops.where(feasible, dependent, ops.zerosLike(dependent));
    return ops.maximum(ops.max(masked, null, false), 0f);
  }

  /** {@code {tp, fp, tn, fn}} as read now. */
  protected Tensor[] readCounts() {
    checkBuilt();
    Ops ops = ops();
    return new Tensor[] {ops.read(tp), ops.read(fp), ops.read(tn), ops.read(fn)};
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("class_id", classId >= 0 ? classId : null);
    c.put("num_thresholds", numThresholds);
    c.put(valueKey, value);
    return c;
  }

  /** Reads {@code num_thresholds} and {@code class_id} into {@code m}, then the base keys. */
  protected static <T extends SensitivitySpecificityBase<T>> T withRateConfig(T m, Config c) {
    m.numThresholds(c.integer("num_thresholds", 200));
    if (c.has("class_id")) {
      m.classId(c.integer("class_id", 0));
    }
    return withBaseConfig(m, c);
  }
}
