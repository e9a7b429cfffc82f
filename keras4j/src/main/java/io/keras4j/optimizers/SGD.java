package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Gradient descent with optional (Nesterov) momentum.
 *
 * <p>Keras equivalent: {@code keras.optimizers.SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}. Update:
 * {@code m = momentum*m - lr*g; w += m} (Nesterov: {@code w += momentum*m - lr*g}); without momentum
 * {@code w -= lr*g}.
 * <pre>{@code new SGD(0.01).momentum(0.9).nesterov(true)}</pre>
 */
public class SGD extends BaseOptimizer<SGD> {
  private double momentum;
  private boolean nesterov;

  /** SGD with Keras' defaults. */
  public SGD() {
    this(0.01);
  }

  /** SGD at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.01). */
  public SGD(double learningRate) {
    super("sgd", learningRate);
  }

  /** SGD whose learning rate follows {@code schedule}. */
  public SGD(LearningRateSchedule schedule) {
    super("sgd", schedule);
  }

  /** Sets the momentum, in [0, 1] (Keras' {@code momentum=}). Default 0. */
  public SGD momentum(double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: momentum=" + momentum);
    }
    checkNotBuilt("momentum");
    this.momentum = momentum;
    return this;
  }

  /** Sets Nesterov momentum (Keras' {@code nesterov=}). Default false. */
  public SGD nesterov(boolean nesterov) {
    this.nesterov = nesterov;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    if (momentum != 0) {
      addSlot(var, "momentum");
    }
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    if (momentum == 0) {
      return ops.subtract(value, ops.multiply(g, lr));
    }
    Variable mv = slot(var, "momentum");
    Tensor step = ops.negative(ops.multiply(g, lr));
    Tensor m = ops.assign(mv, ops.add(step, ops.multiply(ops.read(mv), (float) momentum)));
    if (nesterov) {
      return ops.add(value, ops.add(step, ops.multiply(m, (float) momentum)));
    }
    return ops.add(value, m);
  }

  /** TensorFlow's {@code ResourceApplyGradientDescent} or {@code ResourceApplyKerasMomentum}: Keras' update. */
  @Override
  protected Tensor fusedStep(Ops ops, Tensor g, Variable var, Tensor lr) {
    if (getClass() != SGD.class) {
      return null;
    }
    if (momentum == 0) {
      return ops.sgdUpdate(var, lr, g);
    }
    return ops.sgdMomentumUpdate(var, slot(var, "momentum"), lr, g, (float) momentum, nesterov);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("momentum", momentum);
    c.put("nesterov", nesterov);
    return c;
  }

  /** The SGD of Keras' config (Keras' {@code SGD.from_config}). */
  public static SGD fromConfig(Map<String, Object> config) {
    Config c = new Config("SGD", config);
    return withBaseConfig(new SGD()
        .momentum(c.number("momentum", 0))
        .nesterov(c.bool("nesterov", false)), c);
  }
}
