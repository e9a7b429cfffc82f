package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.List;

/**
 * The weighted mean of the values it is given: {@code sum(w*x) / sum(w)}.
 *
 * <p>Keras equivalent: {@code keras.metrics.Mean(name="mean")}; the loss shown during {@code fit} is one.
 */
public class Mean extends Metric {
  private final Variable total;
  private final Variable count;

  public Mean() {
    this("mean");
  }

  public Mean(String name) {
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
    return List.of(ops.assignAdd(total, sum), ops.assignAdd(count, n));
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return update(yPred, sampleWeight);
  }

  @Override
  public Tensor result() {
    Ops ops = ops();
    return ops.divideNoNan(ops.read(total), ops.read(count));
  }
}
