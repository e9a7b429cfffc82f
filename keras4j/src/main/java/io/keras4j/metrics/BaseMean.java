package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;

/**
 * The weighted mean of the values it is given, {@code sum(w*x) / sum(w)}: the state of {@link Mean} and of every
 * per-sample metric (accuracies, errors).
 *
 * <p>Keras equivalent: {@code keras.metrics.Mean}, the base of {@code keras.metrics.MeanMetricWrapper}.
 *
 * @param <T> the concrete metric
 */
public abstract class BaseMean<T extends BaseMean<T>> extends BaseMetric<T> {
  private final Variable total;
  private final Variable count;

  /** A mean named {@code name}. */
  protected BaseMean(String name) {
    super(name);
    total = addVariable("total", Shape.scalar());
    count = addVariable("count", Shape.scalar());
  }

  /** Adds {@code values} (any shape) with weights {@code sampleWeight} (null: 1 each). */
  public List<Tensor> update(Tensor values, Tensor sampleWeight) {
    Ops ops = ops();
    values = ops.cast(values, "float32");
    Tensor w = weightLike(sampleWeight, values);
    Tensor sum = ops.sum(w == null ? values : ops.multiply(values, w), null, false);
    Tensor n = w == null ? ops.cast(ops.prod(ops.shapeOf(values), null, false), "float32") : ops.sum(w, null, false);
    Tensor newTotal = ops.assignAdd(total, sum);
    Tensor newCount = ops.assignAdd(count, n);
    // as Keras' automatic control dependencies: result() read later in the same step sees this update
    ops.readAs(total, newTotal);
    ops.readAs(count, newCount);
    return List.of(newTotal, newCount);
  }

  /**
   * {@code sampleWeight} with the mask attached to {@code yPred} (Keras' {@code backend.get_keras_mask}, such as an
   * Embedding's with {@code mask_zero}) folded in as 0/1 weights, so that masked steps neither add to the total nor
   * count (Keras' {@code MeanMetricWrapper.update_state}, {@code apply_mask(..., reduction="sum")});
   * {@code sampleWeight} itself when y_pred has no mask. Porting note: per-sample weights {@code (batch,)} meet a
   * {@code (batch, steps)} mask along the batch axis.
   */
  protected static Tensor withMaskOf(Tensor yPred, Tensor sampleWeight) {
    Tensor mask = Backend.getKerasMask(yPred);
    if (mask == null) {
      return sampleWeight;
    }
    Ops ops = ops();
    Tensor m = ops.cast(mask, "float32");
    if (sampleWeight == null) {
      return m;
    }
    Tensor sw = ops.cast(sampleWeight, "float32");
    if (sw.rank() == m.rank() + 1 && sw.shape().get(-1) == 1) {
      sw = ops.squeeze(sw, -1);
    }
    while (sw.rank() < m.rank()) {
      sw = ops.expandDims(sw, -1);
    }
    return ops.multiply(sw, m);
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    return ops.divideNoNan(ops.read(total), ops.read(count));
  }
}
