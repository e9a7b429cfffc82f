package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The keyword arguments of {@link Precision} and {@link Recall}: {@code thresholds}, {@code top_k} and
 * {@code class_id}.
 *
 * <p>Keras equivalent: the shared arguments of {@code keras.metrics.Precision} and {@code keras.metrics.Recall}.
 * With {@code top_k}, predictions outside each sample's k highest are ignored (ties at the k-th score all count);
 * with {@code class_id}, only that column of y_true and y_pred is counted.
 *
 * @param <T> the concrete metric
 */
public abstract class TopKConfusionMetric<T extends TopKConfusionMetric<T>> extends ConfusionMetric<T> {
  private double[] thresholds;
  private int topK;
  private int classId = -1;

  /** A metric named {@code name}. */
  protected TopKConfusionMetric(String name) {
    super(name);
  }

  /**
   * Sets the thresholds, each in [0, 1]; with several the result has one value per threshold (Keras'
   * {@code thresholds=}). Default 0.5, or with {@code top_k} no threshold beyond the top k.
   */
  public T thresholds(double... thresholds) {
    checkNotBuilt("thresholds");
    checkThresholds(getClass().getSimpleName(), thresholds);
    if (thresholds.length == 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": expected at least one threshold. "
          + "Received: thresholds=[]");
    }
    this.thresholds = thresholds.clone();
    return self();
  }

  /** Sets how many of each sample's highest predictions count as predicted (Keras' {@code top_k=}). Default none. */
  public T topK(int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": top_k must be >= 1. Received: top_k="
          + topK);
    }
    this.topK = topK;
    return self();
  }

  /** Sets the one class (column) counted (Keras' {@code class_id=}). Default none: every element counts. */
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
    if (thresholds != null) {
      return checkThresholds(getClass().getSimpleName(), thresholds);
    }
    return new float[] {topK > 0 ? NEG_INF : 0.5f};
  }

  @Override
  protected Tensor[] prepare(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor t = yTrue;
    Tensor p = yPred;
    if (topK > 0) {
      // a score is in the top k when fewer than k scores of its row are strictly higher
      Tensor higher = ops.sum(ops.cast(ops.greater(ops.expandDims(p, -2), ops.expandDims(p, -1)), "float32"),
          new int[] {-1}, false);
      p = ops.where(ops.less(higher, ops.constant((float) topK)), p, ops.add(ops.zerosLike(p), NEG_INF));
    }
    if (classId >= 0) {
      Tensor index = ops.constant(new int[] {classId}, Shape.of(1));
      t = ops.take(t, index, t.rank() - 1);
      p = ops.take(p, index, p.rank() - 1);
    }
    return new Tensor[] {t, p};
  }

  /** {@code a / (a + b)}, a scalar for one threshold. */
  protected Tensor ratio(Variable a, Variable b) {
    checkBuilt();
    Ops ops = ops();
    Tensor r = ops.divideNoNan(ops.read(a), ops.add(ops.read(a), ops.read(b)));
    return thresholdValues().length == 1 ? ops.reshape(r) : r;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("thresholds", thresholdsConfig(thresholds));
    c.put("top_k", topK > 0 ? topK : null);
    c.put("class_id", classId >= 0 ? classId : null);
    return c;
  }

  /** Reads the shared keys into {@code m}, then the base ones. */
  protected static <T extends TopKConfusionMetric<T>> T withTopKConfig(T m, Config c) {
    if (c.has("thresholds")) {
      m.thresholds(c.numbers("thresholds", null));
    }
    if (c.has("top_k")) {
      m.topK(c.integer("top_k", 0));
    }
    if (c.has("class_id")) {
      m.classId(c.integer("class_id", 0));
    }
    return withBaseConfig(m, c);
  }
}
