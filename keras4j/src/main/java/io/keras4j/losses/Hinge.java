package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * {@code mean(max(1 - y_true * y_pred, 0))}; 0/1 labels are converted to -1/1 as Keras does.
 *
 * <p>Keras equivalent: {@code keras.losses.Hinge()} ("hinge").
 */
public class Hinge extends BaseLoss<Hinge> {
  /** The loss with Keras' defaults. */
  public Hinge() {
    super("hinge");
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    return meanLast(ops.relu(ops.add(ops.negative(ops.multiply(hingeLabels(yTrue), yPred)), 1f)));
  }

  /** Keras' conversion of 0/1 labels to -1/1 (labels already in -1/1 are kept). */
  static Tensor hingeLabels(Tensor yTrue) {
    Ops ops = ops();
    Tensor isBinary = ops.logicalOr(ops.equal(yTrue, ops.constant(0f)), ops.equal(yTrue, ops.constant(1f)));
    Tensor all = ops.cast(ops.min(ops.cast(isBinary, "float32"), null, false), "bool");
    return ops.where(all, ops.add(ops.multiply(yTrue, 2f), -1f), yTrue);
  }

  /** The loss of Keras' config (Keras' {@code Hinge.from_config}). */
  public static Hinge fromConfig(Map<String, Object> config) {
    return withBaseConfig(new Hinge(), new Config("Hinge", config));
  }
}
