package io.keras4j.losses;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Quadratic for small errors, linear for large: {@code 0.5 x^2} if {@code |x| <= delta}, else
 * {@code delta |x| - 0.5 delta^2}, averaged over the last axis.
 *
 * <p>Keras equivalent: {@code keras.losses.Huber(delta=1.0, reduction="sum_over_batch_size", name="huber_loss")}.
 * Porting note: Keras 3.15.1's {@code get_config} leaves {@code delta} out, so a Keras file loses it; keras4j
 * writes {@code delta} when it differs from 1.0 (Keras' {@code from_config} accepts it), so it survives a save.
 * <pre>{@code new Huber().delta(2)}</pre>
 */
public class Huber extends BaseLoss<Huber> {
  private double delta = 1.0;

  /** Huber loss with Keras' defaults. */
  public Huber() {
    super("huber_loss");
  }

  /** Sets the error where the loss turns from quadratic to linear, >= 0 (Keras' {@code delta=}). Default 1.0. */
  public Huber delta(double delta) {
    if (!(delta >= 0)) {
      throw new IllegalArgumentException("Huber: delta must be >= 0. Received: delta=" + delta);
    }
    this.delta = delta;
    return this;
  }

  public double delta() {
    return delta;
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
    if (delta != 1.0) {
      c.put("delta", delta);
    }
    return c;
  }

  /** The loss of Keras' config (Keras' {@code Huber.from_config}). */
  public static Huber fromConfig(Map<String, Object> config) {
    Config c = new Config("Huber", config);
    return withBaseConfig(new Huber().delta(c.number("delta", 1.0)), c);
  }
}
