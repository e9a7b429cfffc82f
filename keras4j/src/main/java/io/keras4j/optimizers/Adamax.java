package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Adam with the infinity norm.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adamax(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-07)}. Update at step t: {@code m += (g-m)(1-b1); u = max(b2*u, |g|);
 * w -= lr*m / ((1-b1^t)(u+eps))}.
 */
public class Adamax extends BaseOptimizer<Adamax> {
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;

  /** Adamax with Keras' defaults. */
  public Adamax() {
    this(0.001);
  }

  /** Adamax at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Adamax(double learningRate) {
    super("adamax", learningRate);
  }

  /** Adamax whose learning rate follows {@code schedule}. */
  public Adamax(LearningRateSchedule schedule) {
    super("adamax", schedule);
  }

  /** Sets the first-moment decay (Keras' {@code beta_1=}). Default 0.9. */
  public Adamax beta1(double beta1) {
    this.beta1 = beta1;
    return this;
  }

  /** Sets the norm decay (Keras' {@code beta_2=}). Default 0.999. */
  public Adamax beta2(double beta2) {
    this.beta2 = beta2;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public Adamax epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "momentum");
    addSlot(var, "norm");
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    Tensor b1Power = ops.pow(ops.constant((float) beta1), step);
    Variable mv = slot(var, "momentum");
    Variable uv = slot(var, "norm");
    Tensor m = ops.assign(mv, ops.add(ops.read(mv), ops.multiply(ops.subtract(g, ops.read(mv)), (float) (1 - beta1))));
    Tensor u = ops.assign(uv, ops.maximum(ops.multiply(ops.read(uv), (float) beta2), ops.abs(g)));
    Tensor denom = ops.multiply(ops.add(ops.negative(b1Power), 1f), ops.add(u, (float) epsilon));
    return ops.subtract(value, ops.divide(ops.multiply(m, lr), denom));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    c.put("epsilon", epsilon);
    return c;
  }

  /** The Adamax of Keras' config (Keras' {@code Adamax.from_config}). */
  public static Adamax fromConfig(Map<String, Object> config) {
    Config c = new Config("Adamax", config);
    return withBaseConfig(new Adamax()
        .beta1(c.number("beta_1", 0.9))
        .beta2(c.number("beta_2", 0.999))
        .epsilon(c.number("epsilon", 1e-7)), c);
  }
}
