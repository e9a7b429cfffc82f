package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Steps scaled by the ratio of running RMS of updates to running RMS of gradients.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-07)}. Update:
 * {@code Eg = rho*Eg + (1-rho)g^2; d = -sqrt(Ed + eps)/sqrt(Eg + eps) * g; Ed = rho*Ed + (1-rho)d^2; w += lr*d}.
 */
public class Adadelta extends BaseOptimizer<Adadelta> {
  private double rho = 0.95;
  private double epsilon = 1e-7;

  /** Adadelta with Keras' defaults. */
  public Adadelta() {
    this(0.001);
  }

  /** Adadelta at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Adadelta(double learningRate) {
    super("adadelta", learningRate);
  }

  /** Adadelta whose learning rate follows {@code schedule}. */
  public Adadelta(LearningRateSchedule schedule) {
    super("adadelta", schedule);
  }

  /** Sets the decay rate (Keras' {@code rho=}). Default 0.95. */
  public Adadelta rho(double rho) {
    this.rho = rho;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public Adadelta epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "accumulated_grad");
    addSlot(var, "accumulated_delta_var");
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    float r = (float) rho;
    float eps = (float) epsilon;
    Variable gv = slot(var, "accumulated_grad");
    Variable dv = slot(var, "accumulated_delta_var");
    Tensor eg = ops.assign(gv, ops.add(ops.multiply(ops.read(gv), r), ops.multiply(ops.square(g), 1 - r)));
    Tensor delta = ops.negative(ops.divide(ops.multiply(ops.sqrt(ops.add(ops.read(dv), eps)), g),
        ops.sqrt(ops.add(eg, eps))));
    ops.assign(dv, ops.add(ops.multiply(ops.read(dv), r), ops.multiply(ops.square(delta), 1 - r)));
    return ops.add(value, ops.multiply(delta, lr));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", rho);
    c.put("epsilon", epsilon);
    return c;
  }

  /** The Adadelta of Keras' config (Keras' {@code Adadelta.from_config}). */
  public static Adadelta fromConfig(Map<String, Object> config) {
    Config c = new Config("Adadelta", config);
    return withBaseConfig(new Adadelta()
        .rho(c.number("rho", 0.95))
        .epsilon(c.number("epsilon", 1e-7)), c);
  }
}
