package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Layer-wise adaptive moments: Adam's step rescaled per variable by the trust ratio {@code ||w|| / ||step||}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Lamb(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-07)}. Update at step t (from 1): {@code m += (g-m)(1-b1); v += (g^2-v)(1-b2);
 * u = (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps); r = ||w||/||u||} (1 when either norm is 0);
 * {@code w -= r*lr*u}.
 * <pre>{@code new Lamb(1e-3).beta1(0.8)}</pre>
 */
public class Lamb extends BaseOptimizer<Lamb> {
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;

  /** Lamb with Keras' defaults. */
  public Lamb() {
    this(0.001);
  }

  /** Lamb at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Lamb(double learningRate) {
    super("lamb", learningRate);
  }

  /** Lamb whose learning rate follows {@code schedule}. */
  public Lamb(LearningRateSchedule schedule) {
    super("lamb", schedule);
  }

  /** Sets the first-moment decay (Keras' {@code beta_1=}). Default 0.9. */
  public Lamb beta1(double beta1) {
    this.beta1 = beta1;
    return this;
  }

  /** Sets the second-moment decay (Keras' {@code beta_2=}). Default 0.999. */
  public Lamb beta2(double beta2) {
    this.beta2 = beta2;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public Lamb epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "momentum");
    addSlot(var, "velocity");
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    Tensor b1Power = ops.pow(ops.constant((float) beta1), step);
    Tensor b2Power = ops.pow(ops.constant((float) beta2), step);
    Variable mv = slot(var, "momentum");
    Variable vv = slot(var, "velocity");
    Tensor m = ops.assign(mv, ops.add(ops.read(mv), ops.multiply(ops.subtract(g, ops.read(mv)), (float) (1 - beta1))));
    Tensor v = ops.assign(vv, ops.add(ops.read(vv),
        ops.multiply(ops.subtract(ops.square(g), ops.read(vv)), (float) (1 - beta2))));
    Tensor mHat = ops.divide(m, ops.add(ops.negative(b1Power), 1f));
    Tensor vSqrt = ops.add(ops.sqrt(ops.divide(v, ops.add(ops.negative(b2Power), 1f))), (float) epsilon);
    Tensor update = ops.divide(mHat, vSqrt);
    Tensor wNorm = ops.sqrt(ops.sum(ops.square(value), null, false));
    Tensor gNorm = ops.sqrt(ops.sum(ops.square(update), null, false));
    Tensor zero = ops.constant(0f);
    Tensor one = ops.constant(1f);
    Tensor ratio = ops.where(ops.greater(wNorm, zero),
        ops.where(ops.greater(gNorm, zero), ops.divide(wNorm, gNorm), one), one);
    return ops.subtract(value, ops.multiply(ops.multiply(ratio, lr), update));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    c.put("epsilon", epsilon);
    return c;
  }

  /** The Lamb of Keras' config (Keras' {@code Lamb.from_config}). */
  public static Lamb fromConfig(Map<String, Object> config) {
    Config c = new Config("Lamb", config);
    return withBaseConfig(new Lamb()
        .beta1(c.number("beta_1", 0.9))
        .beta2(c.number("beta_2", 0.999))
        .epsilon(c.number("epsilon", 1e-7)), c);
  }
}
