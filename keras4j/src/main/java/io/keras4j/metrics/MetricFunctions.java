package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.losses.Loss;

/** Per-sample metric functions (Keras' {@code keras.metrics.binary_accuracy} and friends). */
public final class MetricFunctions {
  private MetricFunctions() {}

  private static Tensor matchRank(Ops ops, Tensor yTrue, Tensor yPred) {
    if (yTrue.rank() == yPred.rank() - 1 && yPred.shape().get(-1) == 1) {
      return ops.expandDims(yTrue, -1);
    }
    if (yTrue.rank() == yPred.rank() + 1 && yTrue.shape().get(-1) == 1) {
      return ops.squeeze(yTrue, -1);
    }
    return yTrue;
  }

  /** 1 where {@code y_pred > threshold} equals y_true, per element. */
  public static Tensor binaryAccuracy(Tensor yTrue, Tensor yPred, double threshold) {
    Ops ops = Backend.ops();
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), yPred);
    Tensor p = ops.cast(ops.greater(yPred, ops.constant((float) threshold)), "float32");
    return ops.cast(ops.equal(t, p), "float32");
  }

  /** 1 where argmax(y_pred) equals argmax(y_true). */
  public static Tensor categoricalAccuracy(Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    return ops.cast(ops.equal(ops.argmax(yTrue, -1), ops.argmax(yPred, -1)), "float32");
  }

  /** 1 where argmax(y_pred) equals the integer label. */
  public static Tensor sparseCategoricalAccuracy(Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    Tensor t = ops.cast(yTrue, "float32");
    if (t.rank() == yPred.rank() && t.shape().get(-1) == 1) {
      t = ops.squeeze(t, -1);
    }
    Tensor p = ops.cast(ops.argmax(yPred, -1), "float32");
    return ops.cast(ops.equal(t, p), "float32");
  }

  /** 1 where y_pred equals y_true exactly. */
  public static Tensor accuracy(Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), yPred);
    return ops.cast(ops.equal(t, yPred), "float32");
  }

  /** {@code mean((y_pred - y_true)^2)} over the last axis, y_true's rank matched to y_pred's. */
  public static Tensor squaredError(Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), yPred);
    return ops.mean(ops.square(ops.subtract(yPred, t)), new int[] {-1}, false);
  }

  /** {@code mean(|y_pred - y_true|)} over the last axis, y_true's rank matched to y_pred's. */
  public static Tensor absoluteError(Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), yPred);
    return ops.mean(ops.abs(ops.subtract(yPred, t)), new int[] {-1}, false);
  }

  /**
   * The per-sample values of {@code loss} (its unreduced {@link Loss#call}), in float32, y_true's rank matched to
   * y_pred's: the values Keras' loss-based metrics average.
   */
  public static Tensor lossValues(Loss loss, Tensor yTrue, Tensor yPred) {
    Ops ops = Backend.ops();
    Tensor p = ops.cast(yPred, "float32");
    return loss.call(Loss.matchRank(ops, ops.cast(yTrue, "float32"), p), p);
  }

  /** 1 where the true class (one-hot) is among the k largest predictions. */
  public static Tensor topKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
    Ops ops = Backend.ops();
    return topK(ops, ops.cast(ops.argmax(yTrue, -1), "float32"), yPred, k);
  }

  /** 1 where the integer label is among the k largest predictions. */
  public static Tensor sparseTopKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
    Ops ops = Backend.ops();
    Tensor t = ops.cast(yTrue, "float32");
    if (t.rank() == yPred.rank() && t.shape().get(-1) == 1) {
      t = ops.squeeze(t, -1);
    }
    return topK(ops, t, yPred, k);
  }

  private static Tensor topK(Ops ops, Tensor label, Tensor yPred, int k) {
    // the label is in the top k when fewer than k classes score strictly higher than it
    Tensor oneHot = ops.oneHot(ops.cast(label, "int32"), (int) yPred.shape().get(-1));
    Tensor trueScore = ops.sum(ops.multiply(oneHot, yPred), new int[] {-1}, true);
    Tensor higher = ops.sum(ops.cast(ops.greater(yPred, trueScore), "float32"), new int[] {-1}, false);
    return ops.cast(ops.less(higher, ops.constant((float) k)), "float32");
  }

  /**
   * Pearson's correlation of y_true and y_pred along {@code axis}: each centred and divided by its (population)
   * standard deviation, then the mean of the products (Keras' {@code keras.metrics.pearson_correlation}).
   */
  public static Tensor pearsonCorrelation(Tensor yTrue, Tensor yPred, int axis) {
    Ops ops = Backend.ops();
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), p);
    int[] ax = {axis};
    Tensor tn = ops.subtract(t, ops.mean(t, ax, true));
    Tensor pn = ops.subtract(p, ops.mean(p, ax, true));
    tn = ops.divide(tn, std(ops, tn, ax));
    pn = ops.divide(pn, std(ops, pn, ax));
    return ops.mean(ops.multiply(tn, pn), ax, false);
  }

  /**
   * Lin's concordance correlation of y_true and y_pred along {@code axis}, as Keras 3.15.1 computes it (Keras'
   * {@code keras.metrics.concordance_correlation}). Porting note: Keras centres y_true on y_pred's mean in the
   * covariance term; keras4j does the same, to give Keras' numbers.
   */
  public static Tensor concordanceCorrelation(Tensor yTrue, Tensor yPred, int axis) {
    Ops ops = Backend.ops();
    Tensor p = ops.cast(yPred, "float32");
    Tensor t = matchRank(ops, ops.cast(yTrue, "float32"), p);
    int[] ax = {axis};
    Tensor tMean = ops.mean(t, ax, true);
    Tensor pMean = ops.mean(p, ax, true);
    Tensor tVar = variance(ops, ops.subtract(t, tMean), ax);
    Tensor pVar = variance(ops, ops.subtract(p, pMean), ax);
    Tensor covar = ops.multiply(ops.subtract(t, pMean), ops.subtract(p, pMean));
    Tensor norm = ops.add(ops.add(tVar, pVar), ops.square(ops.subtract(tMean, pMean)));
    return ops.mean(ops.divide(ops.multiply(covar, 2f), ops.add(norm, 1e-7f)), ax, false);
  }

  private static Tensor variance(Ops ops, Tensor x, int[] ax) {
    return ops.mean(ops.square(ops.subtract(x, ops.mean(x, ax, true))), ax, true);
  }

  private static Tensor std(Ops ops, Tensor x, int[] ax) {
    return ops.sqrt(variance(ops, x, ax));
  }
}
