package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Per-parameter learning rates from the sum of squared gradients.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1,
 * epsilon=1e-07)}. Update: {@code a += g^2; w -= lr*g/sqrt(a + eps)}.
 */
public class Adagrad extends BaseOptimizer<Adagrad> {
  private double initialAccumulatorValue = 0.1;
  private double epsilon = 1e-7;

  /** Adagrad with Keras' defaults. */
  public Adagrad() {
    this(0.001);
  }

  /** Adagrad at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Adagrad(double learningRate) {
    super("adagrad", learningRate);
  }

  /** Adagrad whose learning rate follows {@code schedule}. */
  public Adagrad(LearningRateSchedule schedule) {
    super("adagrad", schedule);
  }

  /** Sets the accumulators' starting value (Keras' {@code initial_accumulator_value=}). Default 0.1. */
  public Adagrad initialAccumulatorValue(double v) {
    this.initialAccumulatorValue = v;
    return this;
  }

  /** Sets the epsilon (Keras' {@code epsilon=}). Default 1e-7. */
  public Adagrad epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "accumulator", (float) initialAccumulatorValue);
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Variable av = slot(var, "accumulator");
    Tensor a = ops.assign(av, ops.add(ops.read(av), ops.square(g)));
    return ops.subtract(value, ops.divide(ops.multiply(g, lr), ops.sqrt(ops.add(a, (float) epsilon))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("initial_accumulator_value", initialAccumulatorValue);
    c.put("epsilon", epsilon);
    return c;
  }

  /** The Adagrad of Keras' config (Keras' {@code Adagrad.from_config}). */
  public static Adagrad fromConfig(Map<String, Object> config) {
    Config c = new Config("Adagrad", config);
    return withBaseConfig(new Adagrad()
        .initialAccumulatorValue(c.number("initial_accumulator_value", 0.1))
        .epsilon(c.number("epsilon", 1e-7)), c);
  }
}
