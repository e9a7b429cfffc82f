package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Divides the gradient by a running root mean square of recent gradients.
 *
 * <p>Keras equivalent: {@code keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0,
 * epsilon=1e-07, centered=False)}. Update: {@code v = rho*v + (1-rho)*g^2; w -= lr*g/sqrt(v + eps)} (centered:
 * {@code v - a^2} with {@code a} the running mean gradient; momentum accumulates the increments).
 */
public class RMSprop extends BaseOptimizer<RMSprop> {
  private double rho = 0.9;
  private double momentum;
  private double epsilon = 1e-7;
  private boolean centered;

  /** RMSprop with Keras' defaults. */
  public RMSprop() {
    this(0.001);
  }

  /** RMSprop at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public RMSprop(double learningRate) {
    super("rm_sprop", learningRate);
  }

  /** RMSprop whose learning rate follows {@code schedule}. */
  public RMSprop(LearningRateSchedule schedule) {
    super("rm_sprop", schedule);
  }

  /** Sets the discount of the running average (Keras' {@code rho=}). Default 0.9. */
  public RMSprop rho(double rho) {
    this.rho = rho;
    return this;
  }

  /** Sets the momentum (Keras' {@code momentum=}). Default 0. */
  public RMSprop momentum(double momentum) {
    checkNotBuilt("momentum");
    this.momentum = momentum;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public RMSprop epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  /** Sets centering by the mean gradient (Keras' {@code centered=}). Default false. */
  public RMSprop centered(boolean centered) {
    checkNotBuilt("centered");
    this.centered = centered;
    return this;
  }

  /** Keras' order: every velocity, then every momentum, then every average gradient. */
  @Override
  protected void buildSlots(List<Variable> vars) {
    vars.forEach(var -> addSlot(var, "velocity"));
    if (momentum > 0) {
      vars.forEach(var -> addSlot(var, "momentum"));
    }
    if (centered) {
      vars.forEach(var -> addSlot(var, "average_gradient"));
    }
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    float r = (float) rho;
    Variable vv = slot(var, "velocity");
    Tensor v = ops.assign(vv, ops.add(ops.multiply(ops.read(vv), r), ops.multiply(ops.square(g), 1 - r)));
    Tensor denominator;
    if (centered) {
      Variable av = slot(var, "average_gradient");
      Tensor a = ops.assign(av, ops.add(ops.multiply(ops.read(av), r), ops.multiply(g, 1 - r)));
      denominator = ops.add(ops.subtract(v, ops.square(a)), (float) epsilon);
    } else {
      denominator = ops.add(v, (float) epsilon);
    }
    Tensor increment = ops.multiply(ops.multiply(g, lr), ops.rsqrt(denominator));
    if (momentum > 0) {
      Variable mv = slot(var, "momentum");
      Tensor m = ops.assign(mv, ops.add(ops.multiply(ops.read(mv), (float) momentum), increment));
      return ops.subtract(value, m);
    }
    return ops.subtract(value, increment);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", rho);
    c.put("momentum", momentum);
    c.put("epsilon", epsilon);
    c.put("centered", centered);
    return c;
  }

  /** The RMSprop of Keras' config (Keras' {@code RMSprop.from_config}). */
  public static RMSprop fromConfig(Map<String, Object> config) {
    Config c = new Config("RMSprop", config);
    return withBaseConfig(new RMSprop()
        .rho(c.number("rho", 0.9))
        .momentum(c.number("momentum", 0))
        .epsilon(c.number("epsilon", 1e-7))
        .centered(c.bool("centered", false)), c);
  }
}
