package io.keras4j.metrics;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * The weighted sum of the values it is given, {@code sum(w*x)}, over all batches of the epoch.
 *
 * <p>Keras equivalent: {@code keras.metrics.Sum(name="sum", dtype=None)}. As with {@link Mean}, in
 * {@code updateState} the values are {@code y_pred}; sample weights broadcast over trailing axes.
 * <pre>{@code Sum s = new Sum(); s.updateState(null, values, weights);}</pre>
 */
public class Sum extends BaseMetric<Sum> {
  private final Variable total;

  /** A sum named "sum". */
  public Sum() {
    super("sum");
    total = addVariable("total", Shape.scalar());
  }

  @Override
  public List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Ops ops = ops();
    Tensor values = ops.cast(yPred, "float32");
    Tensor w = weightLike(sampleWeight, values);
    Tensor newTotal = ops.assignAdd(total, ops.sum(w == null ? values : ops.multiply(values, w), null, false));
    ops.readAs(total, newTotal); // result() later in the same step sees this update, as in Keras
    return List.of(newTotal);
  }

  @Override
  public Tensor result() {
    return ops().read(total);
  }

  /** The metric of Keras' config (Keras' {@code Sum.from_config}). */
  public static Sum fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Sum(), new Config("Sum", config));
  }
}
