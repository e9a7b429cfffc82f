package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adam's update and keyword arguments, shared by {@link Adam} and {@link AdamW}.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-07, amsgrad=False)}. Update at step t (from 1): {@code m += (g-m)(1-b1); v += (g^2-v)(1-b2);
 * w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}. Porting note: Keras' AdamW subclasses Adam; here both
 * subclass this class so that each setter returns the concrete class.
 *
 * @param <T> the concrete optimizer
 */
public abstract class BaseAdam<T extends BaseAdam<T>> extends BaseOptimizer<T> {
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private boolean amsgrad;

  /** An Adam-family optimizer named {@code name} at {@code learningRate}, a number or a LearningRateSchedule. */
  protected BaseAdam(String name, Object learningRate) {
    super(name, learningRate);
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Sets the first-moment decay (Keras' {@code beta_1=}). Default 0.9. */
  public T beta1(double beta1) {
    this.beta1 = beta1;
    return self();
  }

  /** Sets the second-moment decay (Keras' {@code beta_2=}). Default 0.999. */
  public T beta2(double beta2) {
    this.beta2 = beta2;
    return self();
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public T epsilon(double epsilon) {
    this.epsilon = epsilon;
    return self();
  }

  /** Sets the AMSGrad variant (Keras' {@code amsgrad=}). Default false. */
  public T amsgrad(boolean amsgrad) {
    checkNotBuilt("amsgrad");
    this.amsgrad = amsgrad;
    return self();
  }

  /** Keras' order: momentum and velocity of each variable, then (AMSGrad) every velocity_hat. */
  @Override
  protected void buildSlots(List<Variable> vars) {
    for (Variable var : vars) {
      addSlot(var, "momentum");
      addSlot(var, "velocity");
    }
    if (amsgrad) {
      vars.forEach(var -> addSlot(var, "velocity_hat"));
    }
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Tensor[] powers = betaPowers(ops);
    Tensor alpha = ops.divide(ops.multiply(lr, ops.sqrt(ops.add(ops.negative(powers[1]), 1f))),
        ops.add(ops.negative(powers[0]), 1f));
    Variable mv = slot(var, "momentum");
    Variable vv = slot(var, "velocity");
    Tensor m = ops.assign(mv, ops.add(ops.read(mv), ops.multiply(ops.subtract(g, ops.read(mv)), (float) (1 - beta1))));
    Tensor v = ops.assign(vv, ops.add(ops.read(vv),
        ops.multiply(ops.subtract(ops.square(g), ops.read(vv)), (float) (1 - beta2))));
    if (amsgrad) {
      Variable vh = slot(var, "velocity_hat");
      v = ops.assign(vh, ops.maximum(ops.read(vh), v));
    }
    return ops.subtract(value, ops.divide(ops.multiply(m, alpha), ops.add(ops.sqrt(v), (float) epsilon)));
  }

  /** TensorFlow's {@code ResourceApplyAdam}, whose update is Keras' (without AMSGrad). */
  @Override
  protected Tensor fusedStep(Ops ops, Tensor g, Variable var, Tensor lr) {
    if (amsgrad || (getClass() != Adam.class && getClass() != AdamW.class)) {
      return null;
    }
    Tensor[] powers = betaPowers(ops);
    return ops.adamUpdate(var, slot(var, "momentum"), slot(var, "velocity"), powers[0], powers[1], lr,
        (float) beta1, (float) beta2, (float) epsilon, g);
  }

  /** {@code beta_1^t} and {@code beta_2^t} for this step t (counted from 1), Adam's bias corrections. */
  private Tensor[] betaPowers(Ops ops) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    return new Tensor[] {ops.pow(ops.constant((float) beta1), step), ops.pow(ops.constant((float) beta2), step)};
  }

  /** Reads Adam's own keys into {@code a}, then the common ones. */
  protected static <T extends BaseAdam<T>> T withAdamConfig(T a, Config c) {
    return withBaseConfig(a.beta1(c.number("beta_1", 0.9)).beta2(c.number("beta_2", 0.999))
        .epsilon(c.number("epsilon", 1e-7)).amsgrad(c.bool("amsgrad", false)), c);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    c.put("epsilon", epsilon);
    c.put("amsgrad", amsgrad);
    return c;
  }
}
