package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Sign of an interpolated momentum.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Lion(learning_rate=0.001, beta_1=0.9, beta_2=0.99)}. Update:
 * {@code w -= lr*sign(b1*m + (1-b1)g); m = b2*m + (1-b2)g}.
 */
public class Lion extends BaseOptimizer<Lion> {
  private double beta1 = 0.9;
  private double beta2 = 0.99;

  /** Lion with Keras' defaults. */
  public Lion() {
    this(0.001);
  }

  /** Lion at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Lion(double learningRate) {
    super("lion", learningRate);
  }

  /** Lion whose learning rate follows {@code schedule}. */
  public Lion(LearningRateSchedule schedule) {
    super("lion", schedule);
  }

  /** Sets the interpolation of the update (Keras' {@code beta_1=}). Default 0.9. */
  public Lion beta1(double beta1) {
    this.beta1 = beta1;
    return this;
  }

  /** Sets the momentum decay (Keras' {@code beta_2=}). Default 0.99. */
  public Lion beta2(double beta2) {
    this.beta2 = beta2;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "momentum");
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Variable mv = slot(var, "momentum");
    Tensor m = ops.read(mv);
    Tensor update = ops.sign(ops.add(ops.multiply(m, (float) beta1), ops.multiply(g, (float) (1 - beta1))));
    ops.assign(mv, ops.add(ops.multiply(m, (float) beta2), ops.multiply(g, (float) (1 - beta2))));
    return ops.subtract(value, ops.multiply(update, lr));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    return c;
  }

  /** The Lion of Keras' config (Keras' {@code Lion.from_config}). */
  public static Lion fromConfig(Map<String, Object> config) {
    Config c = new Config("Lion", config);
    return withBaseConfig(new Lion()
        .beta1(c.number("beta_1", 0.9))
        .beta2(c.number("beta_2", 0.99)), c);
  }
}
