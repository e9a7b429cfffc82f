package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The F-beta score of multi-class or multi-label predictions against 0/1 (one-hot or multi-hot) labels:
 * {@code (1 + beta^2) * precision * recall / (beta^2 * precision + recall)} per class, from weighted counts over the
 * epoch, averaged over the classes as asked; the base of {@link FBetaScore} and {@link F1Score}.
 *
 * <p>Keras equivalent: {@code keras.metrics.FBetaScore(average=None, beta=1.0, threshold=None, name="fbeta_score",
 * dtype=None)}. The inputs are 2-D, {@code (batch_size, num_classes)}. A class is predicted where
 * {@code y_pred > threshold}, or without a threshold where y_pred is its row's maximum (and not 0). The state
 * variables (one value per class, a scalar for "micro") are created at the first update; {@link #average} must come
 * before it. Keras' epsilon 1e-7 keeps the divisions finite.
 *
 * @param <T> the concrete metric
 */
public abstract class BaseFBetaScore<T extends BaseFBetaScore<T>> extends BaseMetric<T> {
  private static final List<String> AVERAGES = Arrays.asList(null, "micro", "macro", "weighted");
  private String average;
  private double beta = 1;
  private double threshold = Double.NaN;
  private Variable truePositives;
  private Variable falsePositives;
  private Variable falseNegatives;
  private Variable intermediateWeights;

  /** A score named {@code name}. */
  protected BaseFBetaScore(String name) {
    super(name);
  }

  /**
   * Sets how the per-class scores combine (Keras' {@code average=}): null (default), one score per class; "micro",
   * one score from the counts summed over the classes; "macro", the mean of the class scores; "weighted", their mean
   * weighted by each class' (weighted) number of true labels.
   */
  public T average(String average) {
    if (!AVERAGES.contains(average)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid `average` argument value. "
          + "Expected one of: {null, 'micro', 'macro', 'weighted'}. Received: average=" + average);
    }
    if (truePositives != null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' is already in use; set "
          + "`average` before the first update");
    }
    this.average = average;
    return self();
  }

  /**
   * Sets the probability above which a class is predicted, in (0, 1] (Keras' {@code threshold=}). Default none:
   * each row's highest prediction is its predicted class.
   */
  public T threshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid `threshold` argument value. It "
          + "should verify 0 < threshold <= 1. Received: threshold=" + threshold);
    }
    this.threshold = threshold;
    return self();
  }

  /** Sets beta, the weight of recall against precision, > 0 (Keras' {@code beta=}); for {@link FBetaScore}. */
  void setBeta(double beta) {
    if (!(beta > 0)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid `beta` argument value. It should "
          + "be > 0. Received: beta=" + beta);
    }
    this.beta = beta;
  }

  /** The averaging, or null for one score per class. */
  public String average() {
    return average;
  }

  public double beta() {
    return beta;
  }

  /** The threshold, or null for each row's maximum. */
  public Double threshold() {
    return Double.isNaN(threshold) ? null : threshold;
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = ops.cast(yTrue, "float32");
    if (t.rank() != 2 || p.rank() != 2 || p.shape().get(-1) == Shape.UNKNOWN) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "' expects 2D inputs with "
          + "shape (batch_size, output_dim), output_dim known. Received input shapes: y_pred.shape=" + p.shape()
          + " and y_true.shape=" + t.shape());
    }
    boolean micro = "micro".equals(average);
    if (truePositives == null) {
      Shape s = micro ? Shape.scalar() : Shape.of(p.shape().get(-1));
      truePositives = addVariable("true_positives", s);
      falsePositives = addVariable("false_positives", s);
      falseNegatives = addVariable("false_negatives", s);
      intermediateWeights = addVariable("intermediate_weights", s);
    }
    Tensor predicted;
    if (Double.isNaN(threshold)) {
      Tensor rowMax = ops.max(p, new int[] {-1}, true);
      predicted = ops.logicalAnd(ops.greaterEqual(p, rowMax), ops.greater(ops.abs(p), ops.constant(1e-9f)));
    } else {
      predicted = ops.greater(p, ops.constant((float) threshold));
    }
    Tensor pos = ops.cast(predicted, "float32");
    Tensor neg = ops.add(ops.negative(pos), 1f);
    Tensor w = sampleWeight == null ? null : weightLike(sampleWeight, t);
    int[] axes = micro ? null : new int[] {0};
    return List.of(
        ops.assignAdd(truePositives, weightedSum(ops, ops.multiply(pos, t), w, axes)),
        ops.assignAdd(falsePositives, weightedSum(ops, ops.multiply(pos, ops.add(ops.negative(t), 1f)), w, axes)),
        ops.assignAdd(falseNegatives, weightedSum(ops, ops.multiply(neg, t), w, axes)),
        ops.assignAdd(intermediateWeights, weightedSum(ops, t, w, axes)));
  }

  private static Tensor weightedSum(Ops ops, Tensor x, Tensor w, int[] axes) {
    return ops.sum(w == null ? x : ops.multiply(x, w), axes, false);
  }

  @Override
  public Tensor result() {
    if (truePositives == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " '" + name() + "' has no state yet; call "
          + "updateState first");
    }
    Ops ops = ops();
    float eps = Backend.epsilon();
    Tensor tp = ops.read(truePositives);
    Tensor precision = ops.divide(tp, ops.add(ops.add(tp, ops.read(falsePositives)), eps));
    Tensor recall = ops.divide(tp, ops.add(ops.add(tp, ops.read(falseNegatives)), eps));
    float b2 = (float) (beta * beta);
    Tensor f = ops.multiply(ops.divide(ops.multiply(precision, recall),
        ops.add(ops.add(ops.multiply(precision, b2), recall), eps)), 1 + b2);
    if ("weighted".equals(average)) {
      Tensor iw = ops.read(intermediateWeights);
      Tensor weights = ops.divide(iw, ops.add(ops.sum(iw, null, false), eps));
      return ops.sum(ops.multiply(f, weights), null, false);
    }
    return average == null ? f : ops.mean(f, null, false);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("average", average);
    c.put("beta", beta);
    c.put("threshold", threshold());
    return c;
  }

  /** Reads {@code average} and {@code threshold} into {@code m}, then the base keys. */
  static <T extends BaseFBetaScore<T>> T withScoreConfig(T m, Config c) {
    m.average(c.string("average", null));
    if (c.has("threshold")) {
      m.threshold(c.number("threshold"));
    }
    return withBaseConfig(m, c);
  }
}
