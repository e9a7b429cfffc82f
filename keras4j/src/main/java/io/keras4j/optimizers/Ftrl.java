package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Follow The Regularized Leader, with L1, L2 and L2-shrinkage regularization.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Ftrl(learning_rate=0.001, learning_rate_power=-0.5,
 * initial_accumulator_value=0.1, l1_regularization_strength=0.0, l2_regularization_strength=0.0,
 * l2_shrinkage_regularization_strength=0.0, beta=0.0)}. Update, with {@code p = -learning_rate_power}:
 * {@code n' = n + g^2; z += g + 2*l2_shrinkage*w - (n'^p - n^p)/lr * w;
 * w = (clip(z, -l1, l1) - z) / (n'^p/lr + 2*(l2 + beta/(2*lr))); n = n'}.
 * <pre>{@code new Ftrl(0.1).l1RegularizationStrength(0.01)}</pre>
 */
public class Ftrl extends BaseOptimizer<Ftrl> {
  private double learningRatePower = -0.5;
  private double initialAccumulatorValue = 0.1;
  private double l1 = 0;
  private double l2 = 0;
  private double l2Shrinkage = 0;
  private double beta = 0;

  /** Ftrl with Keras' defaults. */
  public Ftrl() {
    this(0.001);
  }

  /** Ftrl at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Ftrl(double learningRate) {
    super("ftrl", learningRate);
  }

  /** Ftrl whose learning rate follows {@code schedule}. */
  public Ftrl(LearningRateSchedule schedule) {
    super("ftrl", schedule);
  }

  private static double check(double value, boolean ok, String key, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("Ftrl: `" + key + "` needs to be " + expected + ". Received: " + key + "="
          + value + ".");
    }
    return value;
  }

  /** Sets how steps shrink as sums grow, {@code <= 0} (Keras' {@code learning_rate_power=}). Default -0.5. */
  public Ftrl learningRatePower(double power) {
    this.learningRatePower = check(power, power <= 0, "learning_rate_power", "negative or zero");
    return this;
  }

  /** Sets the accumulators' starting value, {@code >= 0} (Keras' {@code initial_accumulator_value=}). Default 0.1. */
  public Ftrl initialAccumulatorValue(double value) {
    checkNotBuilt("initial_accumulator_value");
    this.initialAccumulatorValue = check(value, value >= 0, "initial_accumulator_value", "positive or zero");
    return this;
  }

  /** Sets the L1 regularization strength, {@code >= 0} (Keras' {@code l1_regularization_strength=}). Default 0. */
  public Ftrl l1RegularizationStrength(double strength) {
    this.l1 = check(strength, strength >= 0, "l1_regularization_strength", "positive or zero");
    return this;
  }

  /** Sets the L2 regularization strength, {@code >= 0} (Keras' {@code l2_regularization_strength=}). Default 0. */
  public Ftrl l2RegularizationStrength(double strength) {
    this.l2 = check(strength, strength >= 0, "l2_regularization_strength", "positive or zero");
    return this;
  }

  /**
   * Sets the L2 shrinkage strength, a magnitude penalty added to the gradient, {@code >= 0} (Keras'
   * {@code l2_shrinkage_regularization_strength=}). Default 0.
   */
  public Ftrl l2ShrinkageRegularizationStrength(double strength) {
    this.l2Shrinkage = check(strength, strength >= 0, "l2_shrinkage_regularization_strength", "positive or zero");
    return this;
  }

  /** Sets beta, which adds {@code beta / (2 lr)} to the L2 strength (Keras' {@code beta=}). Default 0. */
  public Ftrl beta(double beta) {
    this.beta = beta;
    return this;
  }

  @Override
  protected void buildSlots(Variable var) {
    addSlot(var, "accumulator", (float) initialAccumulatorValue);
    addSlot(var, "linear");
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    float p = (float) -learningRatePower;
    Variable av = slot(var, "accumulator");
    Variable lv = slot(var, "linear");
    Tensor accum = ops.read(av);
    Tensor l2Reg = ops.add(ops.divide(ops.constant((float) beta), ops.multiply(lr, 2f)), (float) l2);
    Tensor gradToUse = ops.add(g, ops.multiply(value, (float) (2 * l2Shrinkage)));
    Tensor newAccum = ops.add(accum, ops.square(g));
    Tensor sigma = ops.divide(ops.subtract(ops.pow(newAccum, p), ops.pow(accum, p)), lr);
    Tensor linear = ops.assign(lv, ops.add(ops.read(lv), ops.subtract(gradToUse, ops.multiply(sigma, value))));
    Tensor quadratic = ops.add(ops.divide(ops.pow(newAccum, p), lr), ops.multiply(l2Reg, 2f));
    Tensor clipped = ops.clip(linear, (float) -l1, (float) l1);
    ops.assign(av, newAccum);
    return ops.divide(ops.subtract(clipped, linear), quadratic);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("learning_rate_power", learningRatePower);
    c.put("initial_accumulator_value", initialAccumulatorValue);
    c.put("l1_regularization_strength", l1);
    c.put("l2_regularization_strength", l2);
    c.put("l2_shrinkage_regularization_strength", l2Shrinkage);
    c.put("beta", beta);
    return c;
  }

  /** The Ftrl of Keras' config (Keras' {@code Ftrl.from_config}). */
  public static Ftrl fromConfig(Map<String, Object> config) {
    Config c = new Config("Ftrl", config);
    return withBaseConfig(new Ftrl()
        .learningRatePower(c.number("learning_rate_power", -0.5))
        .initialAccumulatorValue(c.number("initial_accumulator_value", 0.1))
        .l1RegularizationStrength(c.number("l1_regularization_strength", 0))
        .l2RegularizationStrength(c.number("l2_regularization_strength", 0))
        .l2ShrinkageRegularizationStrength(c.number("l2_shrinkage_regularization_strength", 0))
        .beta(c.number("beta", 0)), c);
  }
}
