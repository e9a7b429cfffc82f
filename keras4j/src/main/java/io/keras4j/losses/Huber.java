package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * Quadratic for small errors, linear for large: {@code 0.5 x^2} if {@code |x| <= delta}, else
 * {@code delta |x| - 0.5 delta^2}, averaged over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.Huber(delta=1.0)}.
 */
public class Huber extends Loss {
  private final double delta;

  public Huber() {
    this(1.0);
  }

  public Huber(double delta) {
    super("huber_loss");
    this.delta = delta;
  }

  @Override
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Ops ops = ops();
    Tensor error = ops.subtract(yPred, yTrue);
    Tensor abs = ops.abs(error);
    float d = (float) delta;
    Tensor quadratic = ops.multiply(ops.square(error), 0.5f);
    Tensor linear = ops.add(ops.multiply(abs, d), -0.5f * d * d);
    return meanLast(ops.where(ops.lessEqual(abs, ops.constant(d)), quadratic, linear));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("delta", delta);
    return c;
  }
}
