package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * One weighted count of the confusion matrix of {@code y_pred > threshold} against 0/1 labels, at one or more
 * thresholds: the base of {@link TruePositives}, {@link FalsePositives}, {@link TrueNegatives} and
 * {@link FalseNegatives}.
 *
 * <p>Keras equivalent: {@code keras.src.metrics.confusion_metrics._ConfusionMatrixConditionCount(thresholds=None,
 * name=None, dtype=None)}. The state variable ({@code accumulator}, one value per threshold) is created at the first
 * update; {@link #thresholds} must come before it.
 *
 * @param <T> the concrete metric
 */
public abstract class ConfusionMatrixConditionCount<T extends ConfusionMatrixConditionCount<T>>
    extends BaseMetric<T> {
  private final int condition;
  private double[] thresholds;
  private Variable accumulator;

  /** A count named {@code name} of entry {@code condition} of {@link ConfusionMetric#counts} (tp, fp, tn, fn). */
  ConfusionMatrixConditionCount(String name, int condition) {
    super(name);
    this.condition = condition;
  }

  /**
   * Sets the thresholds, each in [0, 1]; with several the result has one count per threshold (Keras'
   * {@code thresholds=}). Default 0.5.
   */
  public T thresholds(double... thresholds) {
    if (accumulator != null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' is already in use; set "
          + "`thresholds` before the first update");
    }
    ConfusionMetric.checkThresholds(getClass().getSimpleName(), thresholds);
    if (thresholds.length == 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": expected at least one threshold. "
          + "Received: thresholds=[]");
    }
    this.thresholds = thresholds.clone();
    return self();
  }

  /** The thresholds, or null for Keras' default 0.5. */
  public double[] thresholds() {
    return thresholds == null ? null : thresholds.clone();
  }

  private float[] thresholdValues() {
    return thresholds == null ? new float[] {0.5f} : ConfusionMetric.checkThresholds(getClass().getSimpleName(),
        thresholds);
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    float[] th = thresholdValues();
    if (accumulator == null) {
      accumulator = addVariable("accumulator", Shape.of(th.length));
    }
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = ops.cast(yTrue, "float32");
    Tensor w = sampleWeight == null ? ops.onesLike(p) : weightLike(sampleWeight, p);
    return List.of(ops.assignAdd(accumulator, ConfusionMetric.counts(t, p, w, th, 0,
        ConfusionMetric.isEvenlyDistributed(th))[condition]));
  }

  /** The count, a scalar for one threshold, else one per threshold. */
  @Override
  public Tensor result() {
    if (accumulator == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' has no state yet; call "
          + "updateState first");
    }
    Ops ops = ops();
    Tensor r = ops.read(accumulator);
    return thresholdValues().length == 1 ? ops.reshape(r) : r;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("thresholds", ConfusionMetric.thresholdsConfig(thresholds));
    return c;
  }

  /** Reads {@code thresholds} into {@code m}, then the base keys. */
  static <T extends ConfusionMatrixConditionCount<T>> T withCountConfig(T m, Config c) {
    if (c.has("thresholds")) {
      m.thresholds(c.numbers("thresholds", null));
    }
    return withBaseConfig(m, c);
  }
}
