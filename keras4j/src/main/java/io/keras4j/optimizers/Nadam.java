package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Adam with Nesterov momentum and Keras' momentum schedule {@code u_t = b1 (1 - 0.5 * 0.96^t)}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-07)}. Update at step t: {@code P_t = P_{t-1} u_t} (P_0 = 1); {@code m += (g-m)(1-b1);
 * v += (g^2-v)(1-b2); m_hat = u_{t+1} m/(1 - P_t u_{t+1}) + (1-u_t) g/(1-P_t); v_hat = v/(1-b2^t);
 * w -= lr m_hat/(sqrt(v_hat)+eps)}.
 */
public class Nadam extends BaseOptimizer<Nadam> {
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private Variable uProduct;
  private Tensor uProductT;

  /** Nadam with Keras' defaults. */
  public Nadam() {
    this(0.001);
  }

  /** Nadam at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Nadam(double learningRate) {
    super("nadam", learningRate);
  }

  /** Nadam whose learning rate follows {@code schedule}. */
  public Nadam(LearningRateSchedule schedule) {
    super("nadam", schedule);
  }

  /** Sets the first-moment decay (Keras' {@code beta_1=}). Default 0.9. */
  public Nadam beta1(double beta1) {
    this.beta1 = beta1;
    return this;
  }

  /** Sets the second-moment decay (Keras' {@code beta_2=}). Default 0.999. */
  public Nadam beta2(double beta2) {
    this.beta2 = beta2;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public Nadam epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "momentum");
    addSlot(var, "velocity");
  }

  /** Keras' {@code _u_product}, created after the slots (its path is {@code <name>/variable}, as in Keras). */
  @Override
  protected void afterBuild() {
    uProduct = addScalar("variable", 1f);
  }

  private Tensor u(Ops ops, Tensor step) {
    return ops.multiply(ops.add(ops.multiply(ops.pow(ops.constant(0.96f), step), -0.5f), 1f), (float) beta1);
  }

  @Override
  protected void beforeUpdates(Ops ops) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    uProductT = ops.assign(uProduct, ops.multiply(ops.read(uProduct), u(ops, step)));
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    Tensor ut = u(ops, step);
    Tensor ut1 = u(ops, ops.add(step, 1f));
    Tensor pt1 = ops.multiply(uProductT, ut1);
    Tensor b2Power = ops.pow(ops.constant((float) beta2), step);
    Variable mv = slot(var, "momentum");
    Variable vv = slot(var, "velocity");
    Tensor m = ops.assign(mv, ops.add(ops.read(mv), ops.multiply(ops.subtract(g, ops.read(mv)), (float) (1 - beta1))));
    Tensor v = ops.assign(vv, ops.add(ops.read(vv),
        ops.multiply(ops.subtract(ops.square(g), ops.read(vv)), (float) (1 - beta2))));
    Tensor mHat = ops.add(ops.divide(ops.multiply(ut1, m), ops.add(ops.negative(pt1), 1f)),
        ops.divide(ops.multiply(ops.add(ops.negative(ut), 1f), g), ops.add(ops.negative(uProductT), 1f)));
    Tensor vHat = ops.divide(v, ops.add(ops.negative(b2Power), 1f));
    return ops.subtract(value, ops.divide(ops.multiply(mHat, lr), ops.add(ops.sqrt(vHat), (float) epsilon)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    c.put("epsilon", epsilon);
    return c;
  }

  /** The Nadam of Keras' config (Keras' {@code Nadam.from_config}). */
  public static Nadam fromConfig(Map<String, Object> config) {
    Config c = new Config("Nadam", config);
    return withBaseConfig(new Nadam()
        .beta1(c.number("beta_1", 0.9))
        .beta2(c.number("beta_2", 0.999))
        .epsilon(c.number("epsilon", 1e-7)), c);
  }
}
